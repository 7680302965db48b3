import Chronology
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

    /// A vendor's ISO 8601 timestamp as an instant: any form `ISOInstant` reads, a day past its month's end rolled
    /// over as a calendar would.
    public static func date(fromVendor text: String) -> Date? {
        guard let instant = ISOInstant(trimmed(text)) else { return nil }
        return Date(timeIntervalSince1970: Double(instant.epochSeconds) + instant.fraction)
    }

    /// `text` without the spaces around it (most vendors send none, and Foundation's trimming is slow).
    private static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == UInt8(ascii: " ") || first == 0x09 || first >= 0x80 || last == UInt8(ascii: " ") || last == 0x09 || last >= 0x80
        else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A vendor's day: `YYYY-MM-DD` as is, or the UTC day of a full timestamp; nil otherwise.
    public static func day(fromVendor text: String) -> String? {
        let trimmed = trimmed(text)
        if trimmed.utf8.count == 10, DayParts.isDay(trimmed) { return trimmed }
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
    /// Epoch seconds as `YYYY-MM-DDTHH:MM:SSZ`, the fraction left out. The transform writes one per message, so the
    /// years 1600-9999 are written by integer arithmetic; anything else a vendor sends goes through Foundation's
    /// formatter (which counts days before 1582 in the Julian calendar, as the proleptic arithmetic does not).
    public static func utc(fromEpoch seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        guard whole >= -11_676_096_000, whole <= 253_402_300_799 else {
            return Date(timeIntervalSince1970: whole).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        }
        return ISOInstant.format(epochSeconds: Int64(whole))
    }
}
