import Foundation
import TestSupport
import Testing
@testable import Warehouse

/// The reporting views are recreated when the file's are not these, and left alone when they are.
@Suite struct ViewInstallTests {
    private func views(_ warehouse: Warehouse) throws -> [String] {
        try warehouse.pool.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'view' ORDER BY name")
        }
    }

    @Test func anUpToDateFileKeepsItsViewsAndAnOtherwiseOneGetsThemBack() throws {
        let directory = try TemporaryDirectory("views")
        defer { directory.remove() }
        let url = directory.file("warehouse.sqlite")
        let first = try Warehouse(url: url)
        let installed = try views(first)
        #expect(installed.count == ReportingViews.viewCount)
        #expect(try first.pool.read { db in try Int32.fetchOne(db, sql: "PRAGMA user_version") } == ReportingViews.fingerprint)

        // A second open finds them current: a view changed by hand stays as it is.
        try first.pool.write { db in
            try db.execute(sql: "DROP VIEW report_threads")
            try db.execute(sql: "CREATE VIEW report_threads AS SELECT 1 AS marker")
        }
        #expect(try views(try Warehouse(url: url)).contains("CREATE VIEW report_threads AS SELECT 1 AS marker"))

        // A missing view, or views of another version, are all recreated.
        try first.pool.write { db in try db.execute(sql: "DROP VIEW report_send_time") }
        #expect(try views(try Warehouse(url: url)).count == ReportingViews.viewCount)
        try first.pool.write { db in try db.execute(sql: "PRAGMA user_version = 7") }
        #expect(try views(try Warehouse(url: url)) == installed)
    }
}
