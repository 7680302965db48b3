import Foundation

/// One value read from a reporting view, keeping SQLite's storage class.
public enum CellValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as a number when it is stored as one and finite; `nil` otherwise.
    var number: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .real(value) where value.isFinite: value
        default: nil
        }
    }

    /// The value as plain text: empty for null, integral reals without a fraction.
    var plainText: String {
        switch self {
        case .null: ""
        case let .integer(value): String(value)
        case let .real(value): Self.plain(value)
        case let .text(value): value
        }
    }

    /// The value as a person reads it in a report: rates as percentages, minutes as a duration such as
    /// `3 h 20 min`, the rest as plain text.
    func displayText(kind: ColumnKind) -> String {
        switch (kind, number) {
        case let (.rate, fraction?): Self.percent(fraction)
        case let (.minutes, minutes?): Self.duration(minutes: minutes)
        default: plainText
        }
    }

    /// A fraction as a percentage with one decimal, such as `62.5%`.
    static func percent(_ fraction: Double) -> String {
        FixedDecimal.text(fraction * 100, decimals: 1) + "%"
    }

    private static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
