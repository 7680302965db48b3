import Foundation
import GRDBSQLite
import TestSupport
import Testing
@testable import Warehouse

/// Every reporting view's cost grows in proportion to its input: reading it on four times the
/// data takes at most five times the SQLite virtual-machine steps (a view that rescans its input
/// once per row takes about sixteen times). Steps, not time, so a busy machine changes nothing.
@Suite struct ViewGrowthTests {
    /// What reading a view to its end cost, and the rows it gave.
    private struct Reading {
        let steps: Int
        let rows: Int
    }

    /// Reads every `report_` view of a warehouse filled at `scale` and counts its steps.
    private func readings(scale: Int) throws -> [String: Reading] {
        let directory = try TemporaryDirectory("view-growth")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        try warehouse.pool.write { db in
            try SyntheticStar(scale: scale).fill(db)
            try ReportingViews.refresh(in: db)
        }
        return try warehouse.pool.read { db in
            var readings: [String: Reading] = [:]
            // What a refresh runs: each stored view's query, over the stored views it reads.
            for view in ReportingViews.storedViews.map(\.query) {
                let statement = try db.makeStatement(sql: "SELECT * FROM \(view.quotedDatabaseIdentifier)")
                var rows = 0
                var code = sqlite3_step(statement.sqliteStatement)
                while code == SQLITE_ROW {
                    rows += 1
                    code = sqlite3_step(statement.sqliteStatement)
                }
                #expect(code == SQLITE_DONE, "\(view): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                let steps = sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 0)
                readings[view] = Reading(steps: Int(steps), rows: rows)
            }
            return readings
        }
    }

    @Test func everyReportingViewGrowsLinearlyWithItsInput() throws {
        let small = try readings(scale: 1)
        let large = try readings(scale: 4)
        #expect(small.count > ReportingViews.contractViews.count)
        for view in small.keys.sorted() {
            let one = small[view]?.steps ?? 0, four = large[view]?.steps ?? 0
            print("\(view): \(one) steps at 1x, \(four) at 4x (\(String(format: "%.1f", Double(four) / Double(max(one, 1))))x)")
            #expect((small[view]?.rows ?? 0) > 0, "\(view) has no rows: the synthetic data does not exercise it")
            #expect(four <= 5 * one, "\(view) takes \(one) steps at 1x and \(four) at 4x: it grows faster than its input")
        }
    }
}
