/// A strict RFC 8259 parser over UTF-8 bytes, producing `JSONValue`.
///
/// Written here rather than bridged from JSONSerialization because on Linux that cannot tell
/// `true` from `1`, and because raw pages are parsed on the transform's hot path.
struct JSONParser {
    /// How many arrays and objects may enclose one another; deeper documents are refused, since
    /// the parser and the values it builds recurse once per level and would exhaust the stack.
    static let maximumDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONValue.ParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the JSON value") }
        return value
    }

    private func fail(_ reason: String) -> JSONValue.ParseError {
        JSONValue.ParseError(reason: "not valid JSON at byte \(index): \(reason)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONValue.ParseError) -> JSONValue {
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try parseNumber()
        }
    }

    private mutating func expect(_ word: String) throws(JSONValue.ParseError) {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw fail("expected \(word)") }
            index += 1
        }
    }

    private mutating func parseObject() throws(JSONValue.ParseError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("arrays and objects nested deeper than \(Self.maximumDepth) levels") }
        defer { depth -= 1 }
        index += 1
        var object: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(JSONValue.ParseError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("arrays and objects nested deeper than \(Self.maximumDepth) levels") }
        defer { depth -= 1 }
        index += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
        while true {
            skipWhitespace()
            array.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(JSONValue.ParseError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw fail("control character in a string") }
            index += 1
        }
        guard index < bytes.count else { throw fail("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw fail("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    }
                    // SQLite's C strings end at NUL, so a `\u0000` would cut a name short in every
                    // view: it is kept as the replacement character instead.
                    let character = scalar == 0 ? nil : Unicode.Scalar(scalar).map(Character.init)
                    buffer.append(contentsOf: String(character ?? "\u{FFFD}").utf8)
                default: throw fail("invalid escape")
                }
            default:
                guard byte >= 0x20 else { throw fail("control character in a string") }
                buffer.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func parseHex4() throws(JSONValue.ParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    /// Parses a number by RFC 8259's grammar, `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`,
    /// refusing anything else (`+1`, `01`, `.5`, `1.`, `1e`) at the offending byte.
    private mutating func parseNumber() throws(JSONValue.ParseError) -> JSONValue {
        let start = index
        let negative = byte(is: UInt8(ascii: "-"))
        if negative { index += 1 }
        guard let first = digit() else {
            throw fail(negative ? "expected a digit after '-'" : "unexpected character")
        }
        index += 1
        // Whole numbers of up to 15 digits, the common case, are summed here without text.
        var whole = Int64(first)
        var digits = 1
        if first != 0 {
            while let next = digit() {
                if digits < 15 { whole = whole * 10 + Int64(next) }
                digits += 1
                index += 1
            }
        } else if digit() != nil {
            throw fail("a number cannot have a leading zero")
        }
        var isWhole = true
        if byte(is: UInt8(ascii: ".")) {
            index += 1
            guard digit() != nil else { throw fail("expected a digit after the decimal point") }
            while digit() != nil { index += 1 }
            isWhole = false
        }
        if byte(is: UInt8(ascii: "e")) || byte(is: UInt8(ascii: "E")) {
            index += 1
            if byte(is: UInt8(ascii: "+")) || byte(is: UInt8(ascii: "-")) { index += 1 }
            guard digit() != nil else { throw fail("expected a digit in the exponent") }
            while digit() != nil { index += 1 }
            isWhole = false
        }
        if index < bytes.count, !Self.endsValue(bytes[index]) { throw fail("unexpected character in a number") }
        if isWhole, digits <= 15 { return .number(negative ? -Double(whole) : Double(whole)) }
        // A whole number too long for a Double to hold exactly is an id: keep its digits as text.
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        if isWhole { return .string(literal) }
        guard let value = Double(literal), value.isFinite else {
            index = start
            throw fail("number out of range")
        }
        return .number(value)
    }

    /// Whether the next byte is `byte`.
    private func byte(is byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// The value of the next byte if it is an ASCII digit.
    private func digit() -> UInt8? {
        guard index < bytes.count else { return nil }
        let value = bytes[index] &- UInt8(ascii: "0")
        return value < 10 ? value : nil
    }

    /// Bytes that may follow a number: whitespace, a separator or a closing bracket.
    private static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): true
        default: false
        }
    }
}
