import Foundation

/// Timestamps and days as the warehouse stores them: ISO 8601 in UTC.
public enum Timestamp {
    /// `date` as `YYYY-MM-DDTHH:MM:SS.sssZ`: sorts as text in time order.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// A vendor's ISO 8601 timestamp (`Z`, `+05:30`, `+0530` or no zone, which is read as UTC)
    /// converted to `YYYY-MM-DDTHH:MM:SSZ`; nil when it is not such a timestamp.
    public static func utc(fromVendor text: String) -> String? {
        guard let date = date(fromVendor: text) else { return nil }
        return date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// A vendor's ISO 8601 timestamp as an instant.
    public static func date(fromVendor text: String) -> Date? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for byte in chars[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard chars.count >= 19, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
              chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < chars.count, (48...57).contains(chars[index]) {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < chars.count {
            switch chars[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
                guard let hours = number((index + 1)..<(index + 3)) else { return nil }
                var minuteStart = index + 3
                if minuteStart < chars.count, chars[minuteStart] == UInt8(ascii: ":") { minuteStart += 1 }
                guard let minutes = number(minuteStart..<(minuteStart + 2)), hours < 24, minutes < 60 else { return nil }
                offsetSeconds = sign * (hours * 3600 + minutes * 60)
                index = minuteStart + 2
            default:
                return nil
            }
        }
        guard index == chars.count else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        guard let local = utcCalendar.date(from: components) else { return nil }
        return local.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// A vendor's day: `YYYY-MM-DD` as is, or the UTC day of a full timestamp; nil otherwise.
    public static func day(fromVendor text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 10, let parts = DayParts(trimmed) { return parts.key }
        return utc(fromVendor: trimmed).map { String($0.prefix(10)) }
    }

    /// The Gregorian calendar in UTC.
    public static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        return calendar
    }()
}

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

extension Timestamp {
    /// Epoch seconds as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func utc(fromEpoch seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
