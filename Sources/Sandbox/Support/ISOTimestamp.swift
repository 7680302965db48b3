import Foundation

/// Formats and parses the ISO 8601 timestamps the vendors use: `YYYY-MM-DDTHH:MM:SS` followed by
/// `Z` or a `+HH:MM` / `-HH:MM` offset.
enum ISOTimestamp {
    /// The offset Konnector's own examples use (India Standard Time), in minutes.
    static let indiaOffsetMinutes = 330

    /// `epochSeconds` rendered as local time at `offsetMinutes` east of UTC (`Z` when 0).
    static func format(epochSeconds: Int64, offsetMinutes: Int = 0) -> String {
        let local = epochSeconds + Int64(offsetMinutes) * 60
        let days = Int(floorDivide(local, 86_400))
        let seconds = Int(local - Int64(days) * 86_400)
        let date = CivilDate(dayNumber: days)
        let clock = CivilDate.pad(seconds / 3600, 2) + ":" + CivilDate.pad(seconds / 60 % 60, 2) + ":"
            + CivilDate.pad(seconds % 60, 2)
        return date.iso + "T" + clock + zone(offsetMinutes)
    }

    /// Epoch seconds of `YYYY-MM-DDTHH:MM:SS(.fff)?(Z|±HH:MM)`; nil when malformed.
    static func parse(_ text: String) -> Int64? {
        guard text.count >= 20, let date = CivilDate(iso: String(text.prefix(10))) else { return nil }
        let rest = Array(text.utf8.dropFirst(10))
        guard rest.count >= 10, rest[0] == UInt8(ascii: "T"), rest[3] == UInt8(ascii: ":"),
              rest[6] == UInt8(ascii: ":") else { return nil }
        func two(_ at: Int) -> Int? {
            guard at + 1 < rest.count else { return nil }
            let a = rest[at], b = rest[at + 1]
            guard (48...57).contains(a), (48...57).contains(b) else { return nil }
            return Int(a - 48) * 10 + Int(b - 48)
        }
        guard let hour = two(1), let minute = two(4), let second = two(7), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 9
        if index < rest.count, rest[index] == UInt8(ascii: ".") {
            index += 1
            while index < rest.count, (48...57).contains(rest[index]) { index += 1 }
        }
        guard index < rest.count else { return nil }
        var offset = 0
        if rest[index] == UInt8(ascii: "Z") {
            guard index + 1 == rest.count else { return nil }
        } else if rest[index] == UInt8(ascii: "+") || rest[index] == UInt8(ascii: "-") {
            guard index + 6 == rest.count, rest[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = two(index + 1), let offsetMinutes = two(index + 4) else { return nil }
            offset = (offsetHours * 60 + offsetMinutes) * (rest[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let local = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(offset) * 60
    }

    /// The current time at `offsetMinutes`, whole seconds.
    static func now(offsetMinutes: Int = indiaOffsetMinutes) -> String {
        format(epochSeconds: Int64(Date().timeIntervalSince1970.rounded(.down)), offsetMinutes: offsetMinutes)
    }

    private static func zone(_ offsetMinutes: Int) -> String {
        if offsetMinutes == 0 { return "Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return sign + CivilDate.pad(magnitude / 60, 2) + ":" + CivilDate.pad(magnitude % 60, 2)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
