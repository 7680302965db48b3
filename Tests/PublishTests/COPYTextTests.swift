import Foundation
import GRDB
import GRDBSQLite
@testable import Publish
import Testing

/// The text format of COPY: every value escaped so that no data can end a field, a row or the copy.
@Suite struct COPYTextTests {
    /// One row of `values`, selected through SQLite and encoded from the statement's columns.
    private func line(_ values: [DatabaseValue]) throws -> String {
        try line(select: Array(repeating: "?", count: values.count).joined(separator: ", "), values)
    }

    /// The row `SELECT expressions`, encoded from the statement's columns.
    private func line(select expressions: String, _ values: [DatabaseValue] = []) throws -> String {
        let queue = try DatabaseQueue()
        return try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT \(expressions)")
            try statement.setArguments(StatementArguments(values))
            #expect(sqlite3_step(statement.sqliteStatement) == SQLITE_ROW)
            var buffer: [UInt8] = []
            COPYText.appendRow(of: statement.sqliteStatement, columns: Int32(statement.columnCount), to: &buffer)
            #expect(buffer.last == 0x0A, "every row ends with a newline")
            return String(decoding: buffer.dropLast(), as: UTF8.self)
        }
    }

    @Test func everyValueTypeAndEverySpecialCharacter() throws {
        #expect(try line([.null, 42.databaseValue, 0.25.databaseValue, "plain".databaseValue]) == "\\N\t42\t0.25\tplain")
        #expect(try line(["a\tb\nc\rd\\e".databaseValue]) == "a\\tb\\nc\\rd\\\\e")
        #expect(try line(["\\.".databaseValue]) == "\\\\.", "the end-of-data marker cannot be written by a value")
        #expect(try line(["\\N".databaseValue]) == "\\\\N", "a text that reads \\N is not NULL")
        // A NUL inside a text, made by SQLite itself: GRDB binds a Swift string only up to its first NUL.
        #expect(try line(select: "'nul' || char(0) || 'byte'") == "nul\u{FFFD}byte")
        #expect(try line(select: "char(0), '\\'") == "\u{FFFD}\t\\\\", "a special byte first or last")
        #expect(try line(["größe 😀\ttab".databaseValue]) == "größe 😀\\ttab", "multi-byte text is copied whole")
        #expect(try line([Data([0x00, 0xFF, 0x5C]).databaseValue]) == "\\\\x00ff5c")
        #expect(try line([Data().databaseValue]) == "\\\\x")
        #expect(try line(["".databaseValue]) == "", "an empty text stays an empty text, not NULL")
    }

    @Test func integersAndFloatsAtTheirLimits() throws {
        #expect(try line([Int64.min.databaseValue, Int64.max.databaseValue]) == "-9223372036854775808\t9223372036854775807")
        #expect(try line([0.databaseValue, (-7).databaseValue, 10.databaseValue]) == "0\t-7\t10")
        #expect(try line([(-1.5).databaseValue, 1e300.databaseValue]) == "-1.5\t1e+300")
        #expect(try line([Double.nan.databaseValue]) == "\\N", "SQLite stores NaN as NULL")
    }
}
