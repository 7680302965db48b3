extension TOMLValue {
    /// The value as a TOML file writes it (`"pdf"`, `3`, `true`, `["csv", 2]`), for error messages:
    /// never Swift's own spelling such as `string("pdf")`. Strings are quoted with TOML's escapes,
    /// so a control character in them shows as `\n` or `\u001B`, never raw.
    public var written: String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .integer(let number): String(number)
        case .float(let number): number.isNaN ? "nan" : number.isInfinite ? (number < 0 ? "-inf" : "inf") : String(number)
        case .boolean(let value): value ? "true" : "false"
        case .date(let text), .datetime(let text): text
        case .array(let items): "[" + items.map(\.written).joined(separator: ", ") + "]"
        case .table(let entries):
            entries.isEmpty ? "{}"
                : "{ " + entries.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.written)" }.joined(separator: ", ") + " }"
        }
    }

    /// `text` as a TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
