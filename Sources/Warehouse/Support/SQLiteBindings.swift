import GRDB
import GRDBSQLite

/// A prepared statement's parameters, set through SQLite's C API in order: no `StatementArguments`, no boxed value
/// per cell. The loads that write a row per daily count or message bind through it.
public struct SQLiteBindings {
    fileprivate let statement: OpaquePointer
    fileprivate var position: Int32 = 1

    public mutating func bind(_ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, position, value) } else { sqlite3_bind_null(statement, position) }
        position += 1
    }

    public mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    public mutating func bind(_ value: Double?) {
        if let value { sqlite3_bind_double(statement, position, value) } else { sqlite3_bind_null(statement, position) }
        position += 1
    }

    public mutating func bind(_ value: Bool?) { bind(value.map { $0 ? Int64(1) : 0 }) }

    public mutating func bind(_ value: String?) {
        if let value {
            var text = value
            text.withUTF8 { utf8 in
                _ = sqlite3_bind_text(statement, position, utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                      Int32(utf8.count), Self.transient)
            }
        } else {
            sqlite3_bind_null(statement, position)
        }
        position += 1
    }

    /// SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension Statement {
    /// Runs the statement once with the parameters `bind` sets, then resets it; throws SQLite's error when it fails.
    /// For statements that write: any row it would give is not read.
    public func run(_ bind: (inout SQLiteBindings) -> Void) throws {
        _ = try step(bind)
    }

    /// Runs the statement once with the parameters `bind` sets and returns the first column of the first row it
    /// gives as an integer (nil when it gives none), as a write's `RETURNING` clause does.
    public func integer(_ bind: (inout SQLiteBindings) -> Void) throws -> Int64? {
        try step(bind)
    }

    private func step(_ bind: (inout SQLiteBindings) -> Void) throws -> Int64? {
        let statement = sqliteStatement
        defer { sqlite3_reset(statement) }
        var bindings = SQLiteBindings(statement: statement)
        bind(&bindings)
        var code = sqlite3_step(statement)
        let value = code == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL ? sqlite3_column_int64(statement, 0) : nil
        // A statement with RETURNING finishes its write only when stepped to its end.
        while code == SQLITE_ROW { code = sqlite3_step(statement) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))),
                                sql: sql)
        }
        return value
    }
}
