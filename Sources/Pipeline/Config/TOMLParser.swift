/// Parses TOML 1.0 text (strictly) into `TOMLValue`s.
public enum TOMLParser {
    /// How many arrays and tables may enclose one another; deeper documents are refused, since
    /// the parser and the values it builds recurse once per level and would exhaust the stack.
    public static let maximumDepth = 128

    /// Parses `text` and returns its root table, or throws a `TOMLError` locating the first problem.
    public static func parse(_ text: String) throws(TOMLError) -> [String: TOMLValue] {
        var parser = Parser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }
}

// MARK: - Mutable document tree

/// A table under construction; `origin` decides how it may be extended later.
private final class TableNode {
    enum Origin {
        /// Created as the prefix of a header such as `[a.b]` (for `a`); may be defined once later.
        case implicit
        /// Defined by a `[header]` or `[[header]]`, or the root; closed to a second definition.
        case header
        /// Created by a dotted key such as `a.b = 1` (for `a`); open only to more dotted keys.
        case dotted
    }

    var origin: Origin
    /// How many arrays and tables enclose this one (the root is at 0).
    let depth: Int
    var entries: [String: Entry] = [:]

    init(_ origin: Origin, depth: Int) {
        self.origin = origin
        self.depth = depth
    }

    var value: TOMLValue { .table(entries.mapValues(\.value)) }
}

/// An array of tables under construction; a class so that each `[[header]]` appends in place
/// instead of copying the array held in its parent's entries (quadratic for many sources).
private final class TableArrayNode {
    var tables: [TableNode]

    init(_ first: TableNode) { tables = [first] }
}

/// One entry of a `TableNode`: a finished value (incl. static arrays and inline tables) or an open table.
private enum Entry {
    case value(TOMLValue)
    case table(TableNode)
    case tableArray(TableArrayNode)

    var value: TOMLValue {
        switch self {
        case .value(let value): value
        case .table(let table): table.value
        case .tableArray(let array): .array(array.tables.map(\.value))
        }
    }
}

// MARK: - Byte constants and classes

private extension UInt8 {
    static let tab = UInt8(ascii: "\t"), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let hash = UInt8(ascii: "#"), equals = UInt8(ascii: "="), comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), underscore = UInt8(ascii: "_")
    static let lbracket = UInt8(ascii: "["), rbracket = UInt8(ascii: "]"), lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}")

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f")) }
    var isLetter: Bool { self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "z") }
    var isBareKey: Bool { isLetter || isDigit || self == .underscore || self == .dash }
    /// Characters that can appear in a number or date-time token.
    var isToken: Bool { isBareKey || self == .plus || self == .dot || self == .colon }
    /// Control characters other than tab, which TOML forbids in comments and unescaped in strings.
    var isControl: Bool { (self < 0x20 && self != .tab) || self == 0x7F }
}

// MARK: - Parser

/// A recursive-descent parser over the UTF-8 bytes of the document.
private struct Parser {
    let bytes: [UInt8]
    var pos = 0

    mutating func parseDocument() throws(TOMLError) -> [String: TOMLValue] {
        let root = TableNode(.header, depth: 0)
        var current = root
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        while true {
            skipWhitespace()
            guard let byte = peek() else { break }
            if byte == .lbracket {
                current = try parseHeader(root: root)
                try endLine(" after the table header")
            } else if byte == .hash || byte == .lf || byte == .cr {
                try endLine("")
            } else {
                try parseKeyValue(into: current)
                try endLine(" after the value")
            }
        }
        return root.entries.mapValues(\.value)
    }

    // MARK: Tables and keys

    /// Parses `[a.b]` or `[[a.b]]` and returns the table that following key/value pairs go into.
    mutating func parseHeader(root: TableNode) throws(TOMLError) -> TableNode {
        let start = pos
        let isArray = peek(1) == .lbracket
        pos += isArray ? 2 : 1
        let key = try parseKey()
        let closing = isArray ? "]]" : "]"
        for _ in closing.utf8 {
            guard peek() == .rbracket else {
                throw failure("expected '\(closing)' to close the table header but found \(found())")
            }
            pos += 1
        }
        // Each part is at least one level; refusing a long key here keeps the loop below from
        // building a chain of tables too deep to even release.
        guard key.count <= TOMLParser.maximumDepth else { throw tooDeep(at: start) }
        let name = isArray ? "[[\(display(key))]]" : "[\(display(key))]"

        var node = root
        for (index, part) in key.dropLast().enumerated() {
            switch node.entries[part] {
            case nil:
                let child = TableNode(.implicit, depth: node.depth + 1)
                node.entries[part] = .table(child)
                node = child
            case .table(let child):
                node = child
            case .tableArray(let children):
                guard let last = children.tables.last else { throw failure("empty array of tables", at: start) }
                node = last
            case .value:
                let prefix = display(key.prefix(index + 1))
                throw failure("cannot define table \(name) because '\(prefix)' is already a value", at: start)
            }
        }
        guard let last = key.last else { throw failure("expected a key in the table header", at: start) }
        // An array of tables is one level and each of its tables another.
        let table = TableNode(.header, depth: node.depth + (isArray ? 2 : 1))
        guard table.depth <= TOMLParser.maximumDepth else { throw tooDeep(at: start) }
        switch (node.entries[last], isArray) {
        case (nil, false):
            node.entries[last] = .table(table)
        case (nil, true):
            node.entries[last] = .tableArray(TableArrayNode(table))
        case (.tableArray(let array), true):
            array.tables.append(table)
        case (.table(let existing), false) where existing.origin == .implicit:
            existing.origin = .header
            return existing
        case (.table, false):
            throw failure("table \(name) is defined more than once", at: start)
        case (.tableArray, false):
            throw failure("cannot define table \(name) because '\(display(key))' is already an array of tables", at: start)
        case (.table, true):
            throw failure("cannot define array of tables \(name) because '\(display(key))' is already a table", at: start)
        case (.value, _):
            throw failure("cannot define table \(name) because '\(display(key))' is already a value", at: start)
        }
        return table
    }

    /// Parses `key = value` and stores it in `table`, creating tables for dotted keys.
    mutating func parseKeyValue(into table: TableNode) throws(TOMLError) {
        let start = pos
        let key = try parseKey()
        // `a.b.c = v` puts v two tables below `table`; v itself, if an array or table, one more.
        let valueDepth = table.depth + key.count
        guard valueDepth - 1 <= TOMLParser.maximumDepth else { throw tooDeep(at: start) }
        guard peek() == .equals else {
            throw failure("expected '=' after the key '\(display(key))' but found \(found())")
        }
        pos += 1
        skipWhitespace()
        let value = try parseValue(context: "after '='", depth: valueDepth)

        var node = table
        for (index, part) in key.dropLast().enumerated() {
            switch node.entries[part] {
            case nil:
                let child = TableNode(.dotted, depth: node.depth + 1)
                node.entries[part] = .table(child)
                node = child
            case .table(let child) where child.origin == .dotted:
                node = child
            default:
                let prefix = display(key.prefix(index + 1))
                throw failure("cannot set key '\(display(key))' because '\(prefix)' is already defined", at: start)
            }
        }
        guard let last = key.last else { throw failure("expected a key", at: start) }
        guard node.entries[last] == nil else { throw failure("duplicate key '\(display(key))'", at: start) }
        node.entries[last] = .value(value)
    }

    /// Parses a possibly dotted key, with whitespace allowed around the dots and after the key.
    mutating func parseKey() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            skipWhitespace()
            let start = pos
            if let byte = peek(), byte == .quote || byte == .apostrophe {
                guard peek(1) != byte || peek(2) != byte else {
                    throw failure("a multi-line string cannot be used as a key")
                }
                parts.append(try parseString())
            } else {
                while let byte = peek(), byte.isBareKey { pos += 1 }
                guard pos > start else { throw failure("expected a key but found \(found())") }
                parts.append(String(decoding: bytes[start..<pos], as: UTF8.self))
            }
            skipWhitespace()
            guard peek() == .dot else { return parts }
            pos += 1
        }
    }

    // MARK: Values

    /// Parses a value that sits `depth` arrays and tables deep if it is itself an array or table.
    mutating func parseValue(context: String, depth: Int) throws(TOMLError) -> TOMLValue {
        guard let byte = peek() else { throw failure("expected a value \(context) but found \(found())") }
        switch byte {
        case .quote, .apostrophe: return .string(try parseString())
        case .lbracket, .lbrace:
            guard depth <= TOMLParser.maximumDepth else { throw tooDeep(at: pos) }
            return byte == .lbracket ? try parseArray(depth: depth) : try parseInlineTable(depth: depth)
        default:
            if match("true") { return .boolean(true) }
            if match("false") { return .boolean(false) }
            if match("inf") { return .float(.infinity) }
            if match("nan") { return .float(.nan) }
            if byte.isDigit || byte == .plus || byte == .dash { return try parseNumberOrDate() }
            throw failure("expected a value \(context) but found \(found())")
        }
    }

    /// Parses any of the four string forms; `pos` is at the opening quote.
    mutating func parseString() throws(TOMLError) -> String {
        let start = pos
        let delimiter = bytes[pos]
        let escapes = delimiter == .quote
        let multiline = peek(1) == delimiter && peek(2) == delimiter
        let closing = String(repeating: escapes ? "\"" : "'", count: multiline ? 3 : 1)
        pos += multiline ? 3 : 1
        if multiline { _ = consumeNewline() }
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw failure("unterminated string: missing closing \(closing)", at: start)
            }
            if byte == delimiter {
                guard multiline else {
                    pos += 1
                    return String(decoding: out, as: UTF8.self)
                }
                var count = 1
                while peek(count) == delimiter { count += 1 }
                pos += count
                guard count >= 3 else {
                    out.append(contentsOf: repeatElement(delimiter, count: count))
                    continue
                }
                guard count <= 5 else { throw failure("too many quotes at the end of a multi-line string") }
                out.append(contentsOf: repeatElement(delimiter, count: count - 3))
                return String(decoding: out, as: UTF8.self)
            } else if byte == .backslash && escapes {
                try parseEscape(into: &out, multiline: multiline)
            } else if byte == .lf || (byte == .cr && peek(1) == .lf) {
                guard multiline else {
                    throw failure("unterminated string: missing closing \(closing) before the end of the line", at: start)
                }
                _ = consumeNewline()
                out.append(.lf)
            } else if byte.isControl {
                throw failure("control character U+\(hex(byte)) must be escaped in a string")
            } else {
                out.append(byte)
                pos += 1
            }
        }
    }

    /// Parses one escape sequence in a basic string; `pos` is at the backslash.
    mutating func parseEscape(into out: inout [UInt8], multiline: Bool) throws(TOMLError) {
        let start = pos
        pos += 1
        if multiline {
            // A line-ending backslash trims all whitespace and newlines that follow it.
            var end = pos
            while let byte = peek(end - pos), byte == .space || byte == .tab { end += 1 }
            if let byte = peek(end - pos), byte == .lf || byte == .cr {
                pos = end
                while true {
                    if peek() == .space || peek() == .tab { pos += 1 } else if !consumeNewline() { return }
                }
            }
        }
        guard let code = peek() else { throw failure("unterminated string: missing closing '\"'", at: start) }
        pos += 1
        switch code {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(.tab)
        case UInt8(ascii: "n"): out.append(.lf)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(.cr)
        case .quote, .backslash: out.append(code)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = code == UInt8(ascii: "u") ? 4 : 8
            let digits = bytes[pos..<min(pos + length, bytes.count)]
            guard digits.count == length, digits.allSatisfy(\.isHexDigit),
                  let number = UInt32(String(decoding: digits, as: UTF8.self), radix: 16)
            else { throw failure("expected \(length) hex digits after '\\\(Character(Unicode.Scalar(code)))'", at: start) }
            guard let scalar = Unicode.Scalar(number) else {
                throw failure("'\\\(Character(Unicode.Scalar(code)))\(String(decoding: digits, as: UTF8.self))' is not a valid Unicode scalar", at: start)
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
            pos += length
        default:
            throw failure("invalid escape sequence '\\\(scalarText(at: pos - 1))'", at: start)
        }
    }

    /// Parses `[ value, value, ]`, which may span lines and contain comments.
    mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = pos
        pos += 1
        var items: [TOMLValue] = []
        while true {
            try skipBlankLines()
            if peek() == .rbracket {
                pos += 1
                return .array(items)
            }
            guard peek() != nil else { throw failure("unterminated array: missing ']'", at: start) }
            items.append(try parseValue(context: "in the array", depth: depth + 1))
            try skipBlankLines()
            switch peek() {
            case .comma: pos += 1
            case .rbracket: pos += 1; return .array(items)
            case nil: throw failure("unterminated array: missing ']'", at: start)
            default: throw failure("expected ',' or ']' after an array element but found \(found())")
            }
        }
    }

    /// Parses `{ key = value, ... }` on a single line; the result is closed to later additions.
    mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        pos += 1
        let table = TableNode(.dotted, depth: depth)
        skipWhitespace()
        if peek() == .rbrace {
            pos += 1
            return table.value
        }
        while true {
            try parseKeyValue(into: table)
            skipWhitespace()
            switch peek() {
            case .comma: pos += 1
            case .rbrace: pos += 1; return table.value
            default: throw failure("expected ',' or '}' in the inline table (which must be on one line) but found \(found())")
            }
        }
    }

    /// Parses an integer, float, date, date-time or time token.
    mutating func parseNumberOrDate() throws(TOMLError) -> TOMLValue {
        let start = pos
        while let byte = peek(), byte.isToken { pos += 1 }
        // "1979-05-27 07:32:00": a space may separate the date from the time.
        if pos - start == 10, bytes[start + 4] == .dash, peek() == .space,
           peek(1)?.isDigit == true, peek(2)?.isDigit == true, peek(3) == .colon {
            pos += 1
            while let byte = peek(), byte.isToken { pos += 1 }
        }
        let token = Array(bytes[start..<pos])
        let text = String(decoding: token, as: UTF8.self)
        if let value = Self.dateTime(token, text: text) { return value }
        if ["inf", "+inf", "-inf"].contains(text) { return .float(text.hasPrefix("-") ? -.infinity : .infinity) }
        if ["nan", "+nan", "-nan"].contains(text) { return .float(.nan) }
        guard let (digits, radix, isFloat) = Self.numberDigits(token) else {
            let kind = (token.count > 4 && token[4] == .dash) || (token.count > 2 && token[2] == .colon) ? "date-time" : "number"
            throw failure("invalid \(kind) '\(text)'", at: start)
        }
        if isFloat, let value = Double(digits) { return .float(value) }
        if !isFloat, let value = Int64(digits, radix: radix) { return .integer(value) }
        throw failure("number '\(text)' is out of range", at: start)
    }

    /// Checks TOML number syntax; returns the digits without underscores or prefix, their radix, and floatness.
    static func numberDigits(_ token: [UInt8]) -> (String, Int, Bool)? {
        let prefixes: [(String, Int, (UInt8) -> Bool)] = [
            ("0x", 16, \.isHexDigit), ("0o", 8, { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }),
            ("0b", 2, { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }),
        ]
        func clean(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice.filter { $0 != .underscore }, as: UTF8.self) }
        for (prefix, radix, isValid) in prefixes where token.starts(with: prefix.utf8) {
            guard digitRun(token, from: 2, isValid) == token.count else { return nil }
            return (clean(token[2...]), radix, false)
        }
        var index = token.first == .plus || token.first == .dash ? 1 : 0
        guard let integerEnd = digitRun(token, from: index, \.isDigit) else { return nil }
        guard token[index] != UInt8(ascii: "0") || integerEnd - index == 1 else { return nil }  // no leading zeros
        index = integerEnd
        var isFloat = false
        if index < token.count, token[index] == .dot {
            guard let end = digitRun(token, from: index + 1, \.isDigit) else { return nil }
            (index, isFloat) = (end, true)
        }
        if index < token.count, token[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < token.count, token[index] == .plus || token[index] == .dash { index += 1 }
            guard let end = digitRun(token, from: index, \.isDigit) else { return nil }
            (index, isFloat) = (end, true)
        }
        guard index == token.count else { return nil }
        return (clean(token[...]), 10, isFloat)
    }

    /// Scans digits with single underscores between them; returns the end index, or nil if there are none.
    static func digitRun(_ token: [UInt8], from start: Int, _ isValid: (UInt8) -> Bool) -> Int? {
        var index = start
        while index < token.count {
            if isValid(token[index]) {
                index += 1
            } else if token[index] == .underscore, index > start, isValid(token[index - 1]),
                      index + 1 < token.count, isValid(token[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        return index > start ? index : nil
    }

    /// Returns `.date` for `YYYY-MM-DD`, `.datetime` for a valid RFC 3339 date-time or local time, else nil.
    static func dateTime(_ token: [UInt8], text: String) -> TOMLValue? {
        if token.count >= 3, token[2] == .colon {
            return isTime(token[...]) ? .datetime(text) : nil
        }
        guard token.count >= 10, token[4] == .dash, token[7] == .dash,
              let year = number(token[0..<4]), let month = number(token[5..<7]), let day = number(token[8..<10]),
              (1...12).contains(month), day >= 1
        else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        if token.count == 10 { return .date(text) }
        guard token[10] | 0x20 == UInt8(ascii: "t") || token[10] == .space else { return nil }
        var time = token[11...]
        if time.last.map({ $0 | 0x20 == UInt8(ascii: "z") }) == true {
            time = time.dropLast()
        } else if time.count >= 6, time[time.endIndex - 6] == .plus || time[time.endIndex - 6] == .dash {
            let offset = time.suffix(5)
            guard offset[offset.startIndex + 2] == .colon,
                  let hours = number(offset.prefix(2)), let minutes = number(offset.suffix(2)), hours < 24, minutes < 60
            else { return nil }
            time = time.dropLast(6)
        }
        return isTime(time) ? .datetime(text) : nil
    }

    /// Checks `HH:MM:SS` with an optional fraction of a second.
    static func isTime(_ time: ArraySlice<UInt8>) -> Bool {
        let start = time.startIndex
        guard time.count >= 8, time[start + 2] == .colon, time[start + 5] == .colon,
              let hour = number(time[start..<start + 2]), let minute = number(time[start + 3..<start + 5]),
              let second = number(time[start + 6..<start + 8]), hour < 24, minute < 60, second <= 60
        else { return false }
        return time.count == 8 || (time.count > 9 && time[start + 8] == .dot && time.dropFirst(9).allSatisfy(\.isDigit))
    }

    /// The value of a run of ASCII digits, or nil if any byte is not a digit.
    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy(\.isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    // MARK: Whitespace, comments and line ends

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = pos + offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// Consumes `word` if it is next and not followed by more key characters.
    mutating func match(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard bytes[pos...].starts(with: utf8), peek(utf8.count).map({ !$0.isToken }) ?? true else { return false }
        pos += utf8.count
        return true
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == .space || byte == .tab { pos += 1 }
    }

    mutating func consumeNewline() -> Bool {
        if peek() == .lf { pos += 1; return true }
        if peek() == .cr && peek(1) == .lf { pos += 2; return true }
        return false
    }

    /// Skips a `#` comment up to (not including) the end of the line.
    mutating func skipComment() throws(TOMLError) {
        guard peek() == .hash else { return }
        while let byte = peek(), byte != .lf, !(byte == .cr && peek(1) == .lf) {
            guard !byte.isControl else { throw failure("control character U+\(hex(byte)) is not allowed in a comment") }
            pos += 1
        }
    }

    /// Skips whitespace, newlines and comments (inside arrays).
    mutating func skipBlankLines() throws(TOMLError) {
        repeat {
            skipWhitespace()
            try skipComment()
        } while consumeNewline()
    }

    /// Requires the rest of the line to be blank or a comment, and consumes the newline.
    mutating func endLine(_ context: String) throws(TOMLError) {
        skipWhitespace()
        try skipComment()
        guard peek() == nil || consumeNewline() else {
            throw failure("expected the end of the line\(context) but found \(found())")
        }
    }

    // MARK: Error reporting

    /// An error at byte offset `offset` (default: the current position), with its line and column computed.
    func failure(_ message: String, at offset: Int? = nil) -> TOMLError {
        let end = min(offset ?? pos, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == .lf {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return TOMLError(line: line, column: column, message: message)
    }

    /// The error for arrays and tables nested deeper than `TOMLParser.maximumDepth`, at `offset`.
    func tooDeep(at offset: Int) -> TOMLError {
        failure("arrays and tables nested deeper than \(TOMLParser.maximumDepth) levels", at: offset)
    }

    /// Describes what is at the current position, for "but found ..." messages.
    func found() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == .lf || (byte == .cr && peek(1) == .lf) { return "the end of the line" }
        if byte.isToken {
            var end = pos
            while end < min(bytes.count, pos + 24), bytes[end].isToken { end += 1 }
            return "'\(String(decoding: bytes[pos..<end], as: UTF8.self))'"
        }
        if byte.isControl { return "control character U+\(hex(byte))" }
        return "'\(scalarText(at: pos))'"
    }

    /// The Unicode scalar whose UTF-8 encoding starts at `index`, as text.
    func scalarText(at index: Int) -> String {
        guard index < bytes.count else { return "" }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return String(decoding: bytes[index..<min(index + length, bytes.count)], as: UTF8.self)
    }

    func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A key path for messages: bare parts as-is, others quoted.
    func display(_ key: some Collection<String>) -> String {
        key.map { part in
            !part.isEmpty && part.utf8.allSatisfy(\.isBareKey) ? part : "\"\(part)\""
        }.joined(separator: ".")
    }
}
