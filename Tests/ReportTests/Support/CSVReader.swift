/// A strict RFC 4180 reader for the tests: CRLF between records, quotes only around whole fields.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The records of `text`, which must end with CRLF; throws on a bare CR or LF, or a stray quote.
    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Malformed(description: "stray quote after \(field)") }
                quoted = true
                wasQuoted = true
            case ",":
                record.append(field)
                field = ""
                wasQuoted = false
            case "\r":
                guard next() == "\n" else { throw Malformed(description: "bare CR after \(field)") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
            case "\n":
                throw Malformed(description: "bare LF after \(field)")
            default:
                guard !wasQuoted else { throw Malformed(description: "text after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed(description: "no final CRLF") }
        return records
    }
}
