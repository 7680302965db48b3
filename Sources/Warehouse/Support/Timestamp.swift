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

extension Timestamp {
    /// Epoch seconds as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func utc(fromEpoch seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
