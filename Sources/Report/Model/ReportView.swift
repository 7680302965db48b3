import GRDB
import GRDBSQLite

/// One reporting view of the warehouse: its name and columns. Its rows stay in the warehouse and are read through
/// a cursor, in the view's order or another, so no format holds a long view in memory.
public struct ReportView: Sendable {
    public let name: String
    public let columns: [ReportColumn]

    /// The view's columns, read from the statement without running it.
    static func named(_ name: String, in db: Database) throws -> ReportView {
        let columns = try query(name) { try db.makeStatement(sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)").columnNames }
        return ReportView(name: name, columns: columns.map { ReportColumn(name: $0) })
    }

    /// The rows in the view's own order or, given `order` (an SQL `ORDER BY` list over the view's columns), in that
    /// order with ties broken by every column left to right; at most `limit` of them.
    func cursor(in db: Database, orderedBy order: String? = nil, limit: Int? = nil) throws -> ReportCursor {
        var sql = "SELECT * FROM \(name.quotedDatabaseIdentifier)"
        if let order {
            sql += " ORDER BY \(order), " + columns.indices.map { String($0 + 1) }.joined(separator: ", ")
        }
        if let limit { sql += " LIMIT \(max(limit, 0))" }
        let name = name
        // Stepped through SQLite's C API, each column read straight into a cell: the rows of the long views are
        // the reports' hot path, and a GRDB row would copy every value once more.
        let statement = try Self.query(name) { try db.makeStatement(sql: sql) }
        let connection = db.sqliteConnection
        var finished = false
        return ReportCursor(columns: columns) {
            guard !finished else { return nil }
            let handle = statement.sqliteStatement
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                return (0..<sqlite3_column_count(handle)).map { CellValue(column: $0, of: handle) }
            case SQLITE_DONE:
                finished = true
                return nil
            case let code:
                finished = true
                throw ReportError.query(view: name, message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(code)")
            }
        }
    }

    /// The rows of `cursor(in:orderedBy:limit:)` in memory: for a `limit`, or a view as long as there are senders
    /// or campaigns, never one that grows with the threads or the days.
    func table(in db: Database, orderedBy order: String? = nil, limit: Int? = nil) throws -> ReportTable {
        let cursor = try cursor(in: db, orderedBy: order, limit: limit)
        var rows: [[CellValue]] = []
        while let row = try cursor.next() { rows.append(row) }
        return ReportTable(name: name, columns: columns, rows: rows)
    }

    /// How many rows the view has.
    func count(in db: Database) throws -> Int {
        try Self.query(name) { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0 }
    }

    /// How many rows each distinct combination of `columns` has, one entry per combination.
    func counts(in db: Database, by columns: [String]) throws -> [(values: [CellValue], count: Int)] {
        let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let sql = "SELECT \(list), count(*) FROM \(name.quotedDatabaseIdentifier) GROUP BY \(list)"
        return try Self.query(name) {
            try Row.fetchAll(db, sql: sql).map { row in
                let values = row.databaseValues.map(CellValue.init)
                return (Array(values.dropLast()), Int(values.last?.number ?? 0))
            }
        }
    }

    /// Runs `body`, turning a database error into a report error naming the view `name`.
    static func query<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw ReportError.query(view: name, message: error.message ?? "\(error.resultCode)")
        }
    }
}
