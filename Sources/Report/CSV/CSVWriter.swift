import Foundation

/// Writes one view as RFC 4180 CSV (comma, CRLF, UTF-8; a byte-order mark only when asked for, which Excel on
/// Windows needs to read UTF-8), row by row from a cursor to the file: at most a chunk of bytes is held. Fields are
/// written as UTF-8 bytes straight into the chunk, the hot path of a view of millions of rows.
struct CSVWriter {
    /// Starts the file with the UTF-8 byte-order mark.
    var byteOrderMark = false

    /// Bytes buffered before each write to the file.
    private static let chunkSize = 64 * 1024
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    /// Writes the rows of `cursor` to a new file at `url`, header row first.
    func write(_ cursor: ReportCursor, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ReportError.file(path: url.path, message: "the file cannot be created")
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(Self.chunkSize + 4096)
            if byteOrderMark { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
            let columns = cursor.columns
            for (index, column) in columns.enumerated() {
                if index > 0 { buffer.append(Self.comma) }
                Self.appendText(column.name, neutralising: false, to: &buffer)
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
            while let row = try cursor.next() {
                for (index, (value, column)) in zip(row, columns).enumerated() {
                    if index > 0 { buffer.append(Self.comma) }
                    Self.append(value, kind: column.kind, to: &buffer)
                }
                buffer.append(contentsOf: [0x0D, 0x0A])
                if buffer.count >= Self.chunkSize {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.file(path: url.path, message: error.localizedDescription)
        }
    }

    /// One CSV field: rates with 4 decimals, null empty, text neutralised against formulas, quoted when needed.
    static func field(_ value: CellValue, kind: ColumnKind) -> String {
        var bytes: [UInt8] = []
        append(value, kind: kind, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the bytes of `field(value, kind:)`.
    private static func append(_ value: CellValue, kind: ColumnKind, to buffer: inout [UInt8]) {
        switch value {
        case .null:
            return
        case let .text(text):
            appendText(text, neutralising: true, to: &buffer)
        case .integer, .real:
            guard kind == .rate else { return buffer.append(contentsOf: value.plainText.utf8) }
            guard let fraction = value.number else { return }
            // Round tiny negatives to zero so the output never reads "-0.0000".
            buffer.append(contentsOf: FixedDecimal.text(abs(fraction) < 0.00005 ? 0 : fraction, decimals: 4).utf8)
        }
    }

    /// Appends `text`: after an apostrophe when `neutralising` and a spreadsheet would take it for a formula (it
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return), in double quotes with inner quotes doubled when it
    /// holds a comma, a quote or a line break.
    private static func appendText(_ text: String, neutralising: Bool, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let formula = neutralising && bytes.first.map(startsFormula) == true
            guard needsQuotes(bytes) else {
                if formula { buffer.append(apostrophe) }
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(quote)
            if formula { buffer.append(apostrophe) }
            for byte in bytes {
                if byte == quote { buffer.append(quote) }
                buffer.append(byte)
            }
            buffer.append(quote)
        }
    }

    /// Whether a field starting with `byte` would be read as the start of a formula.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// Whether UTF-8 text holds a comma, a quote or a line break (LF, VT, FF, CR, NEL, U+2028, U+2029).
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case comma, quote, 0x0A...0x0D:
                return true
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                return true
            default:
                continue
            }
        }
        return false
    }
}
