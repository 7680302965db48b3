import Chronology

/// The parts of a `YYYY-MM-DD` day, for the date dimension.
public struct DayParts: Sendable {
    public let key: String
    public let year: Int
    public let month: Int
    public let day: Int
    public let isoYear: Int
    public let isoWeek: Int
    /// ISO weekday: 1 is Monday, 7 Sunday.
    public let weekday: Int

    /// Reads a valid `YYYY-MM-DD` day; nil for anything else (including 2025-02-30). The transform reads one per
    /// daily row, so this is `CivilDate`'s integer arithmetic, not Foundation's calendar.
    /// Whether `text` is a valid `YYYY-MM-DD` day, without working out its weeks.
    public static func isDay(_ text: some StringProtocol) -> Bool { CivilDate(iso: text) != nil }

    public init?(_ text: String) {
        guard let date = CivilDate(iso: text) else { return nil }
        key = text
        (year, month, day) = date.components
        (isoYear, isoWeek) = date.isoWeek
        weekday = date.isoWeekday
    }
}
