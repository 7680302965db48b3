import Foundation

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

    /// Reads a valid `YYYY-MM-DD` day; nil for anything else (including 2025-02-30). Pure integer
    /// arithmetic (proleptic Gregorian, ISO 8601 weeks): the transform reads one per daily row.
    public init?(_ text: String) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Self.parse($0) } ?? Self.parse(Array(text.utf8))
        guard let parsed else { return nil }
        (year, month, day) = parsed
        key = text
        let number = Self.dayNumber(year: year, month: month, day: day)
        weekday = ((number % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday
        // The ISO week belongs to the year of its Thursday.
        let thursday = number - (weekday - 1) + 3
        isoYear = Self.year(ofDayNumber: thursday)
        isoWeek = (thursday - Self.dayNumber(year: isoYear, month: 1, day: 1)) / 7 + 1
    }

    private static func parse<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> (Int, Int, Int)? where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == 10, bytes[bytes.startIndex + 4] == UInt8(ascii: "-"), bytes[bytes.startIndex + 7] == UInt8(ascii: "-")
        else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in from..<(from + count) {
                let byte = bytes[bytes.startIndex + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), (1...12).contains(month),
              day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    /// The days of `month` in `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The year of a day number (Hinnant's `civil_from_days`, year only).
    static func year(ofDayNumber number: Int) -> Int {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}
