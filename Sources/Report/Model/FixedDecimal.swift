import Foundation

/// A number with a fixed count of decimals, exactly as C's `%.Nf` writes it (`62.5`, `-0.0`, `0.1250`), without
/// going through `String(format:)`, which costs a format parse and a boxed argument per number: a chart's points and a
/// view's rates are hundreds of thousands of them.
enum FixedDecimal {
    private static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `value` with `decimals` (0 to 6) digits after the point.
    static func text(_ value: Double, decimals: Int) -> String {
        guard decimals >= 0, decimals < scales.count, value.isFinite else { return slow(value, decimals) }
        let scaled = abs(value) * scales[decimals]
        // Rounding the scaled value can differ from printf's rounding of the exact binary value only at a tie, or
        // within the multiplication's error of one (under 1e-7 below 1e9): those go the slow way.
        guard scaled < 1e9, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return slow(value, decimals) }
        let digits = String(UInt64(scaled.rounded(.toNearestOrAwayFromZero)))
        let sign = value.sign == .minus ? "-" : ""
        guard decimals > 0 else { return sign + digits }
        let padded = digits.count > decimals ? digits : String(repeating: "0", count: decimals + 1 - digits.count) + digits
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }

    private static func slow(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
