/// An ISO 8601 date and time as written, `YYYY-MM-DD` `T` (or a space) `HH:MM:SS`, an optional fraction and an
/// optional zone (`Z`, `+HH:MM`, `+HHMM`): the one parser of timestamps. It reads every form any caller accepts and
/// says which form it read, so a strict reader (the sandbox, which answers as the vendor's document does) checks
/// the form while a lenient one (the transform, reading what vendors send) takes any.
public struct ISOInstant: Sendable, Equatable {
    /// The zone as written.
    public enum Zone: Sendable, Equatable {
        /// `Z`, or `z` (`lowercase`).
        case utc(lowercase: Bool)
        /// `+HH:MM` or `-HH:MM` (`colon`), or `+HHMM`: seconds east of UTC.
        case offset(seconds: Int, colon: Bool)
    }

    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int
    /// The fraction's digits as a number, and how many digits there were (0: no fraction, or a bare `.`).
    public let fractionDigits: Int64, fractionLength: Int
    /// Whether a `.` followed the seconds.
    public let hasFractionPoint: Bool
    /// `T`, or a space.
    public let separator: UInt8
    /// Nil when no zone was written.
    public let zone: Zone?

    /// Reads `text` as written (a space around it is not part of it); nil when it is not such a timestamp. The day may
    /// be any from 1 to 31 (see `isRealDay`), and a second of 60 is accepted (a leap second).
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func number(_ offset: Int, _ count: Int) -> Int? { CivilDate.digits(bytes, at: offset, count: count) }
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction: Int64 = 0, length = 0, point = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            point = true
            index += 1
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                // Digits past the 18th cannot change a Double's value; they are read and left out.
                if length < 18 {
                    fraction = fraction * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                    length += 1
                }
                index += 1
            }
        }
        var zone: Zone?
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                zone = .utc(lowercase: bytes[index] == UInt8(ascii: "z"))
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                guard let hours = number(index + 1, 2) else { return nil }
                var minuteStart = index + 3
                let colon = minuteStart < bytes.count && bytes[minuteStart] == UInt8(ascii: ":")
                if colon { minuteStart += 1 }
                guard let minutes = number(minuteStart, 2), hours < 24, minutes < 60 else { return nil }
                zone = .offset(seconds: sign * (hours * 3600 + minutes * 60), colon: colon)
                index = minuteStart + 2
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
        (fractionDigits, fractionLength, hasFractionPoint) = (fraction, length, point)
        separator = bytes[10]
        self.zone = zone
    }

    /// Whether the day exists in its month (2025-02-30 does not; read anyway, it rolls over into March).
    public var isRealDay: Bool { day <= CivilDate.daysIn(month: month, year: year) }

    /// The day as written, rolled over when it is past its month's end.
    public var date: CivilDate { CivilDate(year: year, month: month, day: day) }

    /// The fraction of a second, from 0 up to 1.
    public var fraction: Double {
        var scale = 1.0
        for _ in 0..<fractionLength { scale *= 10 }
        return Double(fractionDigits) / scale
    }

    /// Seconds east of UTC; 0 for `Z` and for no zone (read as UTC).
    public var offsetSeconds: Int {
        if case let .offset(seconds, _) = zone { return seconds }
        return 0
    }

    /// Whole seconds since 1970-01-01T00:00:00Z, the zone taken into account (the fraction left out).
    public var epochSeconds: Int64 {
        Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
    }

    /// `epochSeconds` rendered as local time at `offsetMinutes` east of UTC, `YYYY-MM-DDTHH:MM:SS` then `Z` (when 0)
    /// or `+HH:MM`.
    public static func format(epochSeconds: Int64, offsetMinutes: Int = 0) -> String {
        let local = epochSeconds + Int64(offsetMinutes) * 60
        let days = local >= 0 || local % 86_400 == 0 ? local / 86_400 : local / 86_400 - 1
        let seconds = Int(local - days * 86_400)
        let date = CivilDate(dayNumber: Int(days))
        let (year, month, day) = date.components
        guard (0...9999).contains(year), offsetMinutes == 0 else {
            let clock = CivilDate.pad(seconds / 3600, 2) + ":" + CivilDate.pad(seconds / 60 % 60, 2) + ":"
                + CivilDate.pad(seconds % 60, 2)
            return date.iso + "T" + clock + zone(offsetMinutes)
        }
        // The transform writes one per message: twenty bytes written in place, not six strings joined.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(seconds / 3600, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(seconds / 60 % 60, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(seconds % 60, 2, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    private static func zone(_ offsetMinutes: Int) -> String {
        if offsetMinutes == 0 { return "Z" }
        let magnitude = abs(offsetMinutes)
        return (offsetMinutes < 0 ? "-" : "+") + CivilDate.pad(magnitude / 60, 2) + ":" + CivilDate.pad(magnitude % 60, 2)
    }
}
