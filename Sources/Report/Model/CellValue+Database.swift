import Foundation
import GRDB
import GRDBSQLite

extension CellValue {
    /// The value of a database cell; a blob becomes its UTF-8 text, or hex when it is not UTF-8.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .real(number)
        case let .string(string): self = .text(string)
        case let .blob(data):
            self = .text(Self.text(ofBlob: data))
        }
    }

    /// The value of column `index` of the row `statement` is on, read as `init(_:)` reads a database value.
    init(column index: Int32, of statement: OpaquePointer?) {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            self = .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            self = .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let text = sqlite3_column_text(statement, index) else { self = .text(""); return }
            self = .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            let bytes = sqlite3_column_blob(statement, index).map { Data(bytes: $0, count: count) } ?? Data()
            self = .text(Self.text(ofBlob: bytes))
        default:
            self = .null
        }
    }

    /// A blob's UTF-8 text, or its hex digits when it is not UTF-8.
    private static func text(ofBlob data: Data) -> String {
        String(data: data, encoding: .utf8) ?? data.map { String(format: "%02x", $0) }.joined()
    }
}
