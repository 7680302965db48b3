import Foundation

/// A strict RFC 8259 reader over UTF-8 bytes that the caller walks: objects and arrays are visited member by member,
/// and each value is read as a `JSONValue`, read further, or skipped. `JSONValue.parse` reads a whole tree with it;
/// a normaliser reads a large array straight into typed rows, without a tree per element.
///
/// Written here rather than bridged from JSONSerialization because on Linux that cannot tell `true` from `1`, and
/// because raw pages are read on the transform's hot path. Valid only inside `read(_:_:)`, which holds the bytes.
public struct JSONReader {
    /// How many arrays and objects may enclose one another; deeper documents are refused, since the reader and the
    /// values it builds recurse once per level and would exhaust the stack.
    public static let maximumDepth = 128

    /// What a value starts with.
    public enum Kind: Sendable {
        case object, array, string, number, bool, null
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    /// The members and elements of the objects and arrays `readValue` is in the middle of, innermost last.
    private var members: [(String, JSONValue)] = []
    private var elements: [JSONValue] = []

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Runs `body` with a reader over `bytes`; `body` reads one value, and the document must end after it.
    public static func read<Bytes: ContiguousBytes, Result>(
        _ bytes: Bytes, _ body: (inout JSONReader) throws(JSONValue.ParseError) -> Result
    ) throws(JSONValue.ParseError) -> Result {
        let outcome = bytes.withUnsafeBytes { buffer -> Swift.Result<Result, JSONValue.ParseError> in
            var reader = JSONReader(bytes: buffer)
            do throws(JSONValue.ParseError) {
                reader.skipWhitespace()
                let value = try body(&reader)
                reader.skipWhitespace()
                guard reader.index == reader.bytes.count else { throw reader.fail("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// The kind of the next value.
    public func peek() throws(JSONValue.ParseError) -> Kind {
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }

    /// The next value as a tree.
    public mutating func readValue() throws(JSONValue.ParseError) -> JSONValue {
        switch try peek() {
        case .object:
            // An object's members wait on one stack shared by every level, so its dictionary is made once at its
            // final size instead of growing (and rehashing) member by member.
            let start = members.count
            defer { members.removeSubrange(start...) }
            try readObject { (reader: inout JSONReader, key: JSONKey) throws(JSONValue.ParseError) in
                let value = try reader.readValue()
                reader.members.append((key.string, value))
            }
            var object = [String: JSONValue](minimumCapacity: members.count - start)
            for (key, value) in members[start...] { object[key] = value }
            return .object(object)
        case .array:
            let start = elements.count
            defer { elements.removeSubrange(start...) }
            try readArray { (reader: inout JSONReader) throws(JSONValue.ParseError) in
                let value = try reader.readValue()
                reader.elements.append(value)
            }
            return .array(Array(elements[start...]))
        case .string: return .string(try readString())
        case .bool:
            if bytes[index] == UInt8(ascii: "t") { try expect("true"); return .bool(true) }
            try expect("false")
            return .bool(false)
        case .null: try expect("null"); return .null
        case .number: return try readNumber()
        }
    }

    /// Reads the next value, which must be an object: `member` is called for each key with the reader at its value,
    /// which it must read or skip. A key given twice is given twice.
    public mutating func readObject(
        _ member: (inout JSONReader, JSONKey) throws(JSONValue.ParseError) -> Void
    ) throws(JSONValue.ParseError) {
        try readSequence(opening: "{", closing: "}", name: "object") { (reader: inout JSONReader) throws(JSONValue.ParseError) in
            guard reader.byte(is: UInt8(ascii: "\"")) else { throw reader.fail("expected a key") }
            let key = try reader.readKey()
            reader.skipWhitespace()
            guard reader.byte(is: UInt8(ascii: ":")) else { throw reader.fail("expected ':'") }
            reader.index += 1
            reader.skipWhitespace()
            try member(&reader, key)
        }
    }

    /// Reads the next value, which must be an array: `element` is called with the reader at each element, which it
    /// must read or skip.
    public mutating func readArray(_ element: (inout JSONReader) throws(JSONValue.ParseError) -> Void) throws(JSONValue.ParseError) {
        try readSequence(opening: "[", closing: "]", name: "array", element)
    }

    /// An object's or an array's items between `opening` and `closing`, separated by commas, each read by `item`.
    private mutating func readSequence(
        opening: Unicode.Scalar, closing: Unicode.Scalar, name: String,
        _ item: (inout JSONReader) throws(JSONValue.ParseError) -> Void
    ) throws(JSONValue.ParseError) {
        try enter(opening)
        defer { depth -= 1 }
        skipWhitespace()
        if byte(is: UInt8(ascii: closing)) { index += 1; return }
        while true {
            skipWhitespace()
            try item(&self)
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated \(name)") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: closing) { index += 1; return }
            throw fail("expected ',' or '\(closing)'")
        }
    }

    /// Reads past the next value, checking it as strictly as reading it would.
    public mutating func skipValue() throws(JSONValue.ParseError) {
        switch try peek() {
        case .object: try readObject { (reader: inout JSONReader, _: JSONKey) throws(JSONValue.ParseError) in try reader.skipValue() }
        case .array: try readArray { (reader: inout JSONReader) throws(JSONValue.ParseError) in try reader.skipValue() }
        case .string: try skipString()
        default: _ = try readValue()
        }
    }

    private mutating func enter(_ opening: Unicode.Scalar) throws(JSONValue.ParseError) {
        guard byte(is: UInt8(ascii: opening)) else { throw fail("expected '\(opening)'") }
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw fail("arrays and objects nested deeper than \(Self.maximumDepth) levels")
        }
        index += 1
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

    private mutating func expect(_ word: StaticString) throws(JSONValue.ParseError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else {
            throw fail("expected \(word)")
        }
        index += count
    }

    /// A key: its bytes in place when it has no escape (the common case, read without a `String`), else decoded.
    private mutating func readKey() throws(JSONValue.ParseError) -> JSONKey {
        let start = index + 1
        if let end = try plainStringEnd() {
            index = end + 1
            return JSONKey(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), decoded: nil)
        }
        return JSONKey(bytes: UnsafeRawBufferPointer(start: nil, count: 0), decoded: try readString())
    }

    /// Where the string at `index` ends (its closing quote) when it holds no escape; nil when it does. Throws on a
    /// control character or a missing end.
    private func plainStringEnd() throws(JSONValue.ParseError) -> Int? {
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { return end }
            if byte == UInt8(ascii: "\\") { return nil }
            guard byte >= 0x20 else { throw JSONValue.ParseError(reason: "not valid JSON at byte \(end): control character in a string") }
            end += 1
        }
        throw JSONValue.ParseError(reason: "not valid JSON at byte \(end): unterminated string")
    }

    private mutating func skipString() throws(JSONValue.ParseError) {
        if let end = try plainStringEnd() {
            index = end + 1
        } else {
            _ = try readString()
        }
    }

    /// The next value, which must be a string.
    public mutating func readString() throws(JSONValue.ParseError) -> String {
        guard byte(is: UInt8(ascii: "\"")) else { throw fail("expected a string") }
        if let end = try plainStringEnd() {
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
            index = end + 1
            return text
        }
        index += 1
        var buffer: [UInt8] = []
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
                    var scalar = try readHex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try readHex4()
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

    private mutating func readHex4() throws(JSONValue.ParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
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

    /// Reads a number by RFC 8259's grammar, `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`,
    /// refusing anything else (`+1`, `01`, `.5`, `1.`, `1e`) at the offending byte.
    private mutating func readNumber() throws(JSONValue.ParseError) -> JSONValue {
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
        let literal = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
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

/// An object's key as `JSONReader` meets it: compared with a name without making a `String`. Valid only inside the
/// member callback that receives it.
public struct JSONKey {
    fileprivate let bytes: UnsafeRawBufferPointer
    fileprivate let decoded: String?

    fileprivate init(bytes: UnsafeRawBufferPointer, decoded: String?) {
        self.bytes = bytes
        self.decoded = decoded
    }

    /// The key as text.
    public var string: String { decoded ?? String(decoding: bytes, as: UTF8.self) }

    /// Whether the key is `name`, as in `case "date":`.
    public static func ~= (name: StaticString, key: JSONKey) -> Bool {
        if let decoded = key.decoded { return decoded == name.description }
        let count = name.utf8CodeUnitCount
        return key.bytes.count == count && (count == 0 || memcmp(key.bytes.baseAddress!, name.utf8Start, count) == 0)
    }
}
