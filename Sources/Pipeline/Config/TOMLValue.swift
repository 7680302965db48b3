/// A parsed TOML value; dates and date-times keep their original text.
public enum TOMLValue: Sendable, Equatable {
    /// A basic, literal or multi-line string, with escapes resolved.
    case string(String)
    /// A decimal, hexadecimal, octal or binary integer.
    case integer(Int64)
    /// A floating-point number, including `inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// A local date such as `2025-01-01`, as written.
    case date(String)
    /// An offset date-time, local date-time or local time, as written (e.g. `2025-01-01T02:00:00Z`).
    case datetime(String)
    /// An array, whose elements may have different types.
    case array([TOMLValue])
    /// A table: a `[header]` section, an inline table or an element of an array of tables.
    case table([String: TOMLValue])

    /// The string, if this is a `.string`.
    public var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The integer, if this is an `.integer`.
    public var integer: Int64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    /// The number, if this is a `.float`.
    public var float: Double? {
        guard case .float(let value) = self else { return nil }
        return value
    }

    /// The Boolean, if this is a `.boolean`.
    public var boolean: Bool? {
        guard case .boolean(let value) = self else { return nil }
        return value
    }

    /// The original text, if this is a `.date`.
    public var date: String? {
        guard case .date(let value) = self else { return nil }
        return value
    }

    /// The original text, if this is a `.datetime`.
    public var datetime: String? {
        guard case .datetime(let value) = self else { return nil }
        return value
    }

    /// The elements, if this is an `.array`.
    public var array: [TOMLValue]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The entries, if this is a `.table`.
    public var table: [String: TOMLValue]? {
        guard case .table(let value) = self else { return nil }
        return value
    }

    /// The value stored under `key` if this is a table; nil otherwise or when the key is missing.
    public subscript(key: String) -> TOMLValue? {
        table?[key]
    }
}
