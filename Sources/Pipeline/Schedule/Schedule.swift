import Foundation

/// How often `etl run --due` runs a source: the parsed form of its `schedule` string.
///
/// Interval forms (`hourly`, `daily`, `weekly`, `every 6h`) are due once the interval, less a small
/// tolerance, has passed since the last success; anchored forms (`daily at 06:00`,
/// `weekly on monday at 06:00`) are due once their latest occurrence in the configured zone lies
/// after the last success.
public enum Schedule: Sendable, Equatable, CustomStringConvertible {
    /// Due when at least this many seconds (less `tolerance(forInterval:)`) have passed.
    case every(seconds: Int)
    /// Due once a day, from this local time of the configured zone.
    case dailyAt(hour: Int, minute: Int)
    /// Due once a week, from this local weekday and time of the configured zone.
    case weeklyOn(Weekday, hour: Int, minute: Int)

    public static let hourly = Schedule.every(seconds: 3_600)
    public static let daily = Schedule.every(seconds: 86_400)
    public static let weekly = Schedule.every(seconds: 604_800)

    /// How much earlier than the full interval a source is already due: 5 minutes, so that a cron
    /// or timer firing a few seconds (or a slow run's minutes) early never skips a period; a tenth
    /// of the interval for intervals under 50 minutes, so a short interval still means something.
    public static func tolerance(forInterval seconds: Int) -> TimeInterval {
        min(300, TimeInterval(seconds) / 10)
    }

    /// Whether a source whose last successful run started at `lastSuccess` (nil: never) should run at `now`.
    public func isDue(lastSuccess: Date?, now: Date, zone: TimeZone) -> Bool {
        guard let lastSuccess else { return true }
        switch self {
        case .every(let seconds):
            return now.timeIntervalSince(lastSuccess) >= TimeInterval(seconds) - Self.tolerance(forInterval: seconds)
        case .dailyAt, .weeklyOn:
            guard let slot = latestOccurrence(atOrBefore: now, zone: zone) else { return true }
            return slot > lastSuccess
        }
    }

    /// The typical time between two runs: the interval, a day or a week.
    public var period: TimeInterval {
        switch self {
        case .every(let seconds): TimeInterval(seconds)
        case .dailyAt: 86_400
        case .weeklyOn: 604_800
        }
    }

    /// For anchored forms, the latest moment at or before `now` at which the schedule fell due;
    /// nil for interval forms. A local time that a DST change skips counts from the moment the
    /// clocks jump past it (02:30 on a spring-forward night is 03:30); one that occurs twice counts
    /// from its first occurrence.
    public func latestOccurrence(atOrBefore now: Date, zone: TimeZone) -> Date? {
        let (hour, minute, weekday): (Int, Int, Weekday?)
        switch self {
        case .every: return nil
        case .dailyAt(let h, let m): (hour, minute, weekday) = (h, m, nil)
        case .weeklyOn(let day, let h, let m): (hour, minute, weekday) = (h, m, day)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        // Noon is never skipped or repeated by a DST change, so stepping back whole days from it is safe.
        guard let noon = calendar.date(from: DateComponents(year: today.year, month: today.month, day: today.day, hour: 12)) else {
            return nil
        }
        for offset in 0...8 {
            guard let day = calendar.date(byAdding: .day, value: -offset, to: noon) else { return nil }
            if let weekday, calendar.component(.weekday, from: day) != weekday.rawValue { continue }
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            guard let occurrence = calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day,
                                                                        hour: hour, minute: minute)) else { continue }
            if occurrence <= now { return occurrence }
        }
        return nil
    }

    /// The canonical spelling (`daily`, `every 6h`, `daily at 06:00`, `weekly on monday at 06:00`).
    public var description: String {
        switch self {
        case .every(3_600): return "hourly"
        case .every(86_400): return "daily"
        case .every(604_800): return "weekly"
        case .every(let seconds):
            if seconds % 86_400 == 0 { return "every \(seconds / 86_400)d" }
            if seconds % 3_600 == 0 { return "every \(seconds / 3_600)h" }
            return "every \(seconds / 60)m"
        case .dailyAt(let hour, let minute):
            return "daily at \(Self.clock(hour, minute))"
        case .weeklyOn(let day, let hour, let minute):
            return "weekly on \(day) at \(Self.clock(hour, minute))"
        }
    }

    static func clock(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
