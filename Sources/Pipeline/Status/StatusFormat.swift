import Foundation

/// How `etl status` writes times and durations: UTC to the second, durations as a person reads them.
public enum StatusFormat {
    /// `2026-03-29T04:00:00Z`, or `-` for none.
    public static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        return date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// `4.2s`, `3m05s`, `2h03m`; `-` when either end is missing.
    public static func duration(from start: Date?, to end: Date?) -> String {
        guard let start, let end else { return "-" }
        let seconds = max(0, end.timeIntervalSince(start))
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3_600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3_600, whole % 3_600 / 60)
    }

    /// `yes` or `no`.
    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
