import Foundation
import TestSupport
import Testing
@testable import Warehouse

/// Stored views read exactly what their queries compute, and a refresh writes only what changed.
@Suite struct StoredViewTests {
    /// Each stored view's rows next to its query's, in order.
    private func mismatches(_ db: Database) throws -> [String] {
        try ReportingViews.storedViews.compactMap { view in
            let stored = try Row.fetchAll(db, sql: "SELECT * FROM \(view.name)")
            let computed = try Row.fetchAll(db, sql: "SELECT * FROM \(view.query)")
            return stored == computed ? nil : "\(view.name): \(stored.count) rows stored, \(computed.count) computed"
        }
    }

    /// Runs `body` in one write transaction of a new warehouse filled with the synthetic star schema (not refreshed).
    private func withSyntheticStar(_ body: (Database) throws -> Void) throws {
        let directory = try TemporaryDirectory("stored-views")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        try warehouse.pool.write { db in
            try SyntheticStar(scale: 1).fill(db)
            try body(db)
        }
    }

    @Test func aRefreshKeepsEveryViewEqualToItsQueryAndWritesOnlyWhatChanged() throws {
        try withSyntheticStar { db in
            let first = try ReportingViews.refresh(in: db)
            #expect(try mismatches(db) == [])
            let stored = try ReportingViews.storedViews.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1.table)") ?? 0) }
            // Every row, and those the empty warehouse's views had (a total row, the buckets) deleted.
            #expect(first >= stored)
            #expect(stored > 1_000)

            // Nothing changed: nothing is written.
            #expect(try ReportingViews.refresh(in: db) == 0)

            // One thread changed: its row and those after it in its views' order are written, not every row.
            try db.execute(sql: "UPDATE fact_thread SET messages_in = messages_in + 1 WHERE rowid = (SELECT max(rowid) FROM fact_thread)")
            let changed = try ReportingViews.refresh(in: db)
            #expect(changed > 0 && changed < stored / 2, "\(changed) of \(stored) rows written")
            #expect(try mismatches(db) == [])

            // Rows gone from the data leave the tables too.
            try db.execute(sql: "DELETE FROM fact_campaign_daily WHERE substr(date_key, 10, 1) IN ('0', '2', '4', '6', '8')")
            #expect(try ReportingViews.refresh(in: db) > 0)
            #expect(try mismatches(db) == [])
        }
    }

    @Test func storedValuesKeepTheirTypes() throws {
        try withSyntheticStar { db in
            try ReportingViews.refresh(in: db)
            for view in ReportingViews.storedViews {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [view.query]).map { $0["name"] as String }
                let types = columns.map { "typeof(\($0.quotedDatabaseIdentifier))" }.joined(separator: " || ',' || ")
                let stored = try String.fetchAll(db, sql: "SELECT \(types) FROM \(view.name)")
                let computed = try String.fetchAll(db, sql: "SELECT \(types) FROM \(view.query)")
                #expect(stored == computed, "\(view.name)")
            }
        }
    }

    @Test func viewsComeAfterTheStoredViewsTheyRead() {
        let order = ReportingViews.storedViews.map(\.name)
        // report_kpis reads report_reply_quality, written after it; every daily view reads the daily grain.
        #expect(order.firstIndex(of: "report_reply_quality")! < order.firstIndex(of: "report_kpis")!)
        #expect(order.firstIndex(of: "report_daily_activity")! < order.firstIndex(of: "report_daily_trend")!)
        #expect(order.firstIndex(of: "report_send_time")! < order.firstIndex(of: "report_send_time_totals")!)
        #expect(Set(order).isSuperset(of: ReportingViews.contractViews))
    }
}
