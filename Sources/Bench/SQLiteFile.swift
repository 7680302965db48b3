import Foundation
import GRDBSQLite

/// A read-only connection to a warehouse file through the plain SQLite C API, for the stages that
/// read views the way any SQLite client would (no GRDB, no report model).
final class SQLiteFile {
    let handle: OpaquePointer

    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            throw ChildProcess.Failure(description: "cannot open \(path)")
        }
        handle = db
    }

    deinit { sqlite3_close(handle) }

    /// Prepares `sql`, calls `row` for each result row and returns how many there were.
    @discardableResult
    func forEachRow(_ sql: String, _ row: (OpaquePointer) throws -> Void = { _ in }) throws -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw ChildProcess.Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        var rows = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else {
                throw ChildProcess.Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(handle)))")
            }
            try row(statement)
            rows += 1
        }
    }

    /// `SELECT * FROM name`, with the name quoted.
    static func selectAll(_ name: String) -> String {
        "SELECT * FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
    }
}

