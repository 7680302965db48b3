import GRDBSQLite

/// Rows in the text format of PostgreSQL's `COPY ... FROM STDIN`: columns split by tabs, rows ended by newlines,
/// NULL as `\N`, and in every value a backslash, tab, newline or carriage return escaped. PostgreSQL's text
/// cannot hold NUL, so a NUL character is written as U+FFFD, the replacement character.
///
/// Values are read straight from the SQLite statement's columns, without boxing a row, because publishing
/// is bounded by this loop: it runs once per value of every table.
enum COPYText {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the current row of `statement` (stepped to `SQLITE_ROW`), its first `columns` columns.
    static func appendRow(of statement: OpaquePointer, columns: Int32, to buffer: inout [UInt8]) {
        for column in 0..<columns {
            if column > 0 { buffer.append(0x09) }
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL:
                buffer.append(0x5C) // \N
                buffer.append(0x4E)
            case SQLITE_INTEGER:
                appendDecimal(sqlite3_column_int64(statement, column), to: &buffer)
            case SQLITE_FLOAT:
                let number = sqlite3_column_double(statement, column)
                buffer.append(contentsOf: (number.isFinite ? "\(number)" : "NaN").utf8)
            case SQLITE_BLOB:
                let bytes = sqlite3_column_blob(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                appendBytea(UnsafeRawBufferPointer(start: bytes, count: count), to: &buffer)
            default:
                let text = sqlite3_column_text(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                escape(UnsafeRawBufferPointer(start: text, count: count), to: &buffer)
            }
        }
        buffer.append(0x0A)
    }

    /// Text escaped for the COPY text format. Runs without special bytes are copied whole.
    static func escape(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
        var runStart = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x5C, 0x09, 0x0A, 0x0D, 0x00: break
            default: continue
            }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            default: buffer.append(contentsOf: [0xEF, 0xBF, 0xBD]) // NUL
            }
            runStart = index + 1
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
    }

    /// bytea's hex form, its backslash escaped for the text format.
    private static func appendBytea(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: [0x5C, 0x5C, 0x78])
        for byte in bytes {
            buffer.append(hexDigits[Int(byte >> 4)])
            buffer.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// An integer's decimal digits, without going through `String`.
    static func appendDecimal(_ number: Int64, to buffer: inout [UInt8]) {
        if number < 0 { buffer.append(0x2D) }
        // The magnitude as unsigned, so that Int64.min has one.
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}
