import Foundation

/// Writes one report table as RFC 4180 CSV (comma, CRLF, UTF-8; a byte-order mark only when
/// asked for, which Excel on Windows needs to read UTF-8), streaming to a file.
struct CSVWriter {
    /// Starts the file with the UTF-8 byte-order mark.
    var byteOrderMark = false

    /// Bytes buffered before each write to the file.
    private static let chunkSize = 64 * 1024
    /// Leading characters a spreadsheet would read as the start of a formula.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Writes `table` to a new file at `url`, header row first.
    func write(_ table: ReportTable, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw ReportError.file(path: url.path, message: "the file cannot be created")
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(Self.chunkSize + 4096)
            if byteOrderMark { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
            append(table.columns.map { Self.quoted($0.name) }, to: &buffer)
            for row in table.rows {
                let fields = zip(row, table.columns).map { Self.field($0, kind: $1.kind) }
                append(fields, to: &buffer)
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

    private func append(_ fields: [String], to buffer: inout [UInt8]) {
        buffer.append(contentsOf: fields.joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// One CSV field: rates with 4 decimals, null empty, text neutralised against formulas, quoted when needed.
    static func field(_ value: CellValue, kind: ColumnKind) -> String {
        switch value {
        case .null:
            return ""
        case let .text(text):
            return quoted(neutralised(text))
        case .integer, .real:
            guard kind == .rate else { return value.plainText }
            guard let fraction = value.number else { return "" }
            // Round tiny negatives to zero so the output never reads "-0.0000".
            return String(format: "%.4f", abs(fraction) < 0.00005 ? 0 : fraction)
        }
    }

    /// `text` with a leading apostrophe when a spreadsheet would take it for a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// `text` in double quotes, inner quotes doubled, when it holds a comma, quote, CR or LF.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
