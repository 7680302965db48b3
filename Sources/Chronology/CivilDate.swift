/// A calendar day (proleptic Gregorian, no time zone) stored as days since 1970-01-01: the one implementation of
/// days for the warehouse, the reports and the sandbox. Plain integer arithmetic (Howard Hinnant's algorithms), so
/// date handling does not depend on Foundation's calendars, and reading a day is cheap enough for every daily row.
public struct CivilDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// The day with these components (out-of-range months or days roll over arithmetically).
    public init(year: Int, month: Int, day: Int) {
        // days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    /// Parses exactly `YYYY-MM-DD` naming a real calendar day (not 2025-02-30); nil for anything else.
    public init?(iso text: some StringProtocol) {
        guard let date = text.utf8.withContiguousStorageIfAvailable({ Self.parse($0) }) ?? Self.parse(Array(text.utf8))
        else { return nil }
        self = date
    }

    /// `init(iso:)` over the text's UTF-8 bytes.
    public static func parse<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> CivilDate? where Bytes.Index == Int {
        guard bytes.count == 10, bytes[bytes.startIndex + 4] == UInt8(ascii: "-"), bytes[bytes.startIndex + 7] == UInt8(ascii: "-"),
              let year = digits(bytes, at: 0, count: 4), let month = digits(bytes, at: 5, count: 2),
              let day = digits(bytes, at: 8, count: 2), (1...12).contains(month), day >= 1,
              day <= daysIn(month: month, year: year)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The number `count` ASCII digits spell from `offset`; nil when one is not a digit.
    static func digits<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Int, count: Int) -> Int?
    where Bytes.Index == Int {
        guard offset >= 0, offset + count <= bytes.count else { return nil }
        var value = 0
        for index in (bytes.startIndex + offset)..<(bytes.startIndex + offset + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The days of `month` in `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Year, month (1-12) and day of month (1-31).
    public var components: (year: Int, month: Int, day: Int) {
        // civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = components
        return Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// The ISO weekday: 1 is Monday, 7 Sunday.
    public var isoWeekday: Int {
        ((dayNumber % 7) + 7 + 3) % 7 + 1 // 1970-01-01 was a Thursday
    }

    /// The ISO 8601 week and the year it belongs to: the year of its Thursday.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = CivilDate(dayNumber: dayNumber - (isoWeekday - 1) + 3)
        let year = thursday.components.year
        return (year, (thursday.dayNumber - CivilDate(year: year, month: 1, day: 1).dayNumber) / 7 + 1)
    }

    /// The ISO week as the reporting views write it: `2026-W05`.
    public var isoWeekName: String {
        let week = isoWeek
        return Self.pad(week.year, 4) + "-W" + Self.pad(week.week, 2)
    }

    /// The UTC day of an instant given as seconds since 1970.
    public init(utcDayOfEpochSeconds seconds: Double) {
        self.init(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    /// The ISO week before the one this day is in: the last complete week on this day.
    public var lastCompleteISOWeek: String { adding(days: -7).isoWeekName }

    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    /// Zero-padded decimal of a non-negative number.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
