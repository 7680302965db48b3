import Foundation

/// A parsed JSON document, read tolerantly: accessors return nil instead of failing on a shape
/// they did not expect, and numbers sent as strings still read as numbers.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `data`; throws `JSONValue.ParseError` with a one-line reason when it is not JSON.
    public static func parse(_ data: Data) throws(ParseError) -> JSONValue {
        try JSONReader.read(data) { (reader: inout JSONReader) throws(ParseError) in try reader.readValue() }
    }

    /// Why a body is not JSON.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let reason: String
        public var description: String { reason }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// A string, or a number written as text (ids sometimes arrive as numbers).
    public var string: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        default: nil
        }
    }

    /// A whole number, from a number or a numeric string.
    public var int: Int64? {
        switch self {
        case .number(let value): value.isFinite && abs(value) < 9e15 ? Int64(value.rounded()) : nil
        case .string(let text):
            Int64(text.trimmingCharacters(in: .whitespaces))
                ?? Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite && $0 == $0.rounded() && abs($0) < 9e15 ? Int64($0) : nil }
        default: nil
        }
    }

    /// A number, from a number or a numeric string.
    public var double: Double? {
        switch self {
        case .number(let value): value.isFinite ? value : nil
        case .string(let text):
            // "62.9%" reads as 62.9: percentages sometimes arrive as text with their sign.
            Double(text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "%")))
                .flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let value): value != 0
        case .string(let text): ["true", "1", "yes"].contains(text.lowercased()) ? true : (["false", "0", "no"].contains(text.lowercased()) ? false : nil)
        default: nil
        }
    }

    /// Follows a path of object keys.
    public func at(_ path: String...) -> JSONValue? {
        path.reduce(Optional(self)) { value, key in value?[key] }
    }
}
