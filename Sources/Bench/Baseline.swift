import Foundation
import GRDBSQLite
import Warehouse

/// The reference the transform is compared to: `rows` rows shaped like `fact_campaign_daily`
/// (the same columns, types, primary key and `WITHOUT ROWID`) inserted into a fresh SQLite file
/// through the plain C API, with one prepared statement in one transaction, under the warehouse's
/// own settings (WAL, `synchronous = NORMAL`).
enum Baseline {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Inserts the rows and returns the seconds it took (open, create, insert, commit, checkpoint).
    /// - Parameter createTable: the warehouse's own `CREATE TABLE fact_campaign_daily` statement,
    ///   read from its `sqlite_master`, so the baseline's table cannot drift from the real one.
    static func run(rows: Int, daysPerKey: Int, createTable: String, directory: URL) throws -> Double {
        let path = directory.appendingPathComponent("baseline.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let days = (0..<max(1, daysPerKey)).map { dayString($0) }
        let clock = ContinuousClock()
        let start = clock.now
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw Failure(description: "cannot open \(path)") }
        defer { sqlite3_close(db) }
        try exec(db, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            \(createTable);
            BEGIN;
            """)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO fact_campaign_daily VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &statement, nil)
            == SQLITE_OK, let statement else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
        defer { sqlite3_finalize(statement) }
        for row in 0..<rows {
            let key = row / days.count
            let day = days[row % days.count]
            sqlite3_bind_int64(statement, 1, Int64(key + 1))
            let code: Int32 = day.withCString { text in
                sqlite3_bind_text(statement, 2, text, -1, nil)
                sqlite3_bind_int64(statement, 3, Int64(row % 7))
                sqlite3_bind_int64(statement, 4, Int64(row % 13))
                sqlite3_bind_int64(statement, 5, Int64(row % 5))
                sqlite3_bind_int64(statement, 6, Int64(row % 11))
                sqlite3_bind_int64(statement, 7, Int64(row % 3))
                sqlite3_bind_int64(statement, 8, Int64(key / 50 + 1))
                return sqlite3_step(statement)
            }
            guard code == SQLITE_DONE else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
            sqlite3_reset(statement)
        }
        try exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);")
        let elapsed = clock.now - start
        return elapsed.timeInterval
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw Failure(description: text)
        }
    }

    /// `YYYY-MM-DD` for `offset` days after 2025-01-01.
    private static func dayString(_ offset: Int) -> String {
        let date = Date(timeIntervalSince1970: 1_735_689_600 + Double(offset) * 86_400)
        return String(date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
    }
}
