import GRDB

/// Rows in the text format of PostgreSQL's `COPY ... FROM STDIN`: columns split by tabs, rows ended by newlines,
/// NULL as `\N`, and in every value a backslash, tab, newline or carriage return escaped. PostgreSQL's text
/// cannot hold NUL, so a NUL character is written as U+FFFD, the replacement character.
enum COPYText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func append(_ row: Row, to buffer: inout [UInt8]) {
        for index in 0..<row.count {
            if index > 0 { buffer.append(0x09) }
            append(row[index] as DatabaseValue, to: &buffer)
        }
        buffer.append(0x0A)
    }

    static func append(_ value: DatabaseValue, to buffer: inout [UInt8]) {
        switch value.storage {
        case .null:
            buffer.append(contentsOf: [0x5C, 0x4E]) // \N
        case let .int64(number):
            buffer.append(contentsOf: String(number).utf8)
        case let .double(number):
            buffer.append(contentsOf: (number.isFinite ? "\(number)" : "NaN").utf8)
        case let .string(text):
            escape(text.utf8, to: &buffer)
        case let .blob(data):
            // bytea's hex form, its backslash escaped for the text format.
            buffer.append(contentsOf: [0x5C, 0x5C, 0x78])
            for byte in data {
                buffer.append(hexDigits[Int(byte >> 4)])
                buffer.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    static func escape(_ bytes: String.UTF8View, to buffer: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            case 0x00: buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: buffer.append(byte)
            }
        }
    }
}
