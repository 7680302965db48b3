import Foundation
import GRDBSQLite

/// A view whose rows are kept in a table: the view `query` computes them, the table `table` holds them in the
/// query's order (its row ids count from 1), and the view `name` reads them in that order.
struct StoredView: Sendable {
    let name: String

    /// The view that computes the rows.
    var query: String { "query_" + name }
    /// The table that holds them.
    var table: String { "mart_" + name }

    /// A word for how stored views are laid out, part of the views' fingerprint: a change to it recreates them.
    static let layout = "mart table, ids in query order, untyped columns"

    /// Creates the table, with the query's columns, and the view that reads it. The columns have no declared type,
    /// so each value is kept exactly as the query gave it (SQLite's column affinity would convert some).
    func create(in db: Database) throws {
        let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [query])
        try db.execute(sql: "CREATE TABLE \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))")
        try db.execute(sql: "CREATE VIEW \(name.quotedDatabaseIdentifier) AS SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
    }

    /// Brings the table up to the query's rows in one pass over them: the leading rows equal to the stored ones
    /// are left as they are, and from the first that differs the rest are replaced, so a refresh with nothing
    /// changed writes nothing. Returns the rows written.
    func refresh(in db: Database) throws -> Int {
        // Cached on the connection: compiling a query through the views it reads is most of a small refresh's work
        // (GRDB's authorizer sees every column of every view), and a connection refreshes after every transform.
        let fresh = try db.cachedStatement(sql: "SELECT * FROM \(query.quotedDatabaseIdentifier)")
        let stored = try db.makeStatement(sql: "SELECT rowid, * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
        let freshRow = fresh.sqliteStatement, storedRow = stored.sqliteStatement
        // Reset however the refresh ends, so the next one starts the cached statement from its first row.
        defer { sqlite3_reset(freshRow) }
        let columns = sqlite3_column_count(freshRow)
        var kept: Int64 = 0
        var code = try step(freshRow, db)
        while code == SQLITE_ROW {
            guard try step(storedRow, db) == SQLITE_ROW, sqlite3_column_int64(storedRow, 0) == kept + 1,
                  Self.equal(freshRow, storedRow, columns: columns) else { break }
            kept += 1
            code = try step(freshRow, db)
        }
        sqlite3_reset(storedRow)
        let before = sqlite3_total_changes(db.sqliteConnection)
        try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE rowid > ?", arguments: [kept])
        var written = Int(sqlite3_total_changes(db.sqliteConnection) - before)
        guard code == SQLITE_ROW else { return written }
        let names = (0..<columns).map { String(cString: sqlite3_column_name(freshRow, $0)).quotedDatabaseIdentifier }
        let placeholders = Array(repeating: "?", count: Int(columns) + 1).joined(separator: ", ")
        let insert = try db.makeStatement(sql: """
            INSERT INTO \(table.quotedDatabaseIdentifier) (rowid, \(names.joined(separator: ", "))) VALUES (\(placeholders))
            """)
        let insertRow = insert.sqliteStatement
        while code == SQLITE_ROW {
            kept += 1
            sqlite3_bind_int64(insertRow, 1, kept)
            for column in 0..<columns {
                sqlite3_bind_value(insertRow, column + 2, sqlite3_column_value(freshRow, column))
            }
            _ = try step(insertRow, db)
            sqlite3_reset(insertRow)
            written += 1
            code = try step(freshRow, db)
        }
        return written
    }

    /// Steps `statement`, throwing SQLite's error when it neither gives a row nor ends.
    private func step(_ statement: OpaquePointer?, _ db: Database) throws -> Int32 {
        let code = sqlite3_step(statement)
        guard code == SQLITE_ROW || code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: "refresh of \(table)")
        }
        return code
    }

    /// Whether the current row of `fresh` equals that of `stored` (whose first column is its row id): the same
    /// type and value in every column.
    private static func equal(_ fresh: OpaquePointer?, _ stored: OpaquePointer?, columns: Int32) -> Bool {
        for column in 0..<columns {
            let type = sqlite3_column_type(fresh, column)
            guard type == sqlite3_column_type(stored, column + 1) else { return false }
            switch type {
            case SQLITE_INTEGER:
                guard sqlite3_column_int64(fresh, column) == sqlite3_column_int64(stored, column + 1) else { return false }
            case SQLITE_FLOAT:
                guard sqlite3_column_double(fresh, column).bitPattern == sqlite3_column_double(stored, column + 1).bitPattern
                else { return false }
            case SQLITE_TEXT, SQLITE_BLOB:
                let one = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_column_text(fresh, column)) : sqlite3_column_blob(fresh, column)
                let other = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_column_text(stored, column + 1))
                    : sqlite3_column_blob(stored, column + 1)
                let count = sqlite3_column_bytes(fresh, column)
                guard count == sqlite3_column_bytes(stored, column + 1) else { return false }
                if count > 0, let one, let other, memcmp(one, other, Int(count)) != 0 { return false }
            default:
                continue
            }
        }
        return true
    }
}
