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
        let statement = sqliteStatement
        var bindings = SQLiteBindings(statement: statement)
        bind(&bindings)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
        sqlite3_reset(statement)
    }
}
