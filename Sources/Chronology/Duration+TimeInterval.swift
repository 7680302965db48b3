import Foundation

extension Duration {
    /// The duration in seconds, as Foundation's dates count them.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration from Foundation's seconds (negative ones are zero).
    public init(timeInterval: TimeInterval) {
        self = .milliseconds(Int((max(0, timeInterval) * 1000).rounded()))
    }

    /// `120 s`, `1.5 s`: how messages show a wait or a deadline.
    public var secondsText: String {
        let value = timeInterval
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
