import Foundation
import TestSupport
import Testing
import Warehouse

/// The transform loads with SQLite's reference checks off (`Transformer.run`): every reference it writes must still
/// name a row, for every vendor, after an incremental load and after a rebuild.
@Suite struct TransformIntegrityTests {
    private func violations(_ url: URL) async throws -> [String] {
        let warehouse = try Warehouse(url: url)
        return try await warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "\($0)" }
        }
    }

    @Test func everyReferenceTheDemoLoadedNamesARow() async throws {
        let parent = try TemporaryDirectory("integrity-demo")
        defer { parent.remove() }
        let demo = try await DemoOutput.copy(to: parent.file("demo"))
        let facts = try await Warehouse(url: demo.warehouse).pool.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM fact_campaign_daily) + (SELECT count(*) FROM fact_message)") ?? 0
        }
        #expect(facts > 100, "the demo loads daily rows and messages")
        #expect(try await violations(demo.warehouse) == [])
    }

    @Test func everyReferenceARebuildLoadedNamesARow() async throws {
        let parent = try TemporaryDirectory("integrity")
        defer { parent.remove() }
        let demo = try await DemoOutput.copy(to: parent.file("demo"))
        try "[warehouse]\npath = \"out/warehouse.sqlite\"\n".write(to: demo.folder.appendingPathComponent("etl.toml"),
                                                                  atomically: true, encoding: .utf8)
        let rebuild = try await CommandRunner().run(["transform", "--config", "etl.toml", "--rebuild", "--quiet"], in: demo.folder)
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(try await violations(demo.warehouse) == [])
    }
}
