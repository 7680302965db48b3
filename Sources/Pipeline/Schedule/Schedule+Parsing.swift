extension Schedule {
    /// The longest interval an `every` schedule may name: a year.
    static let longestInterval = 366 * 86_400

    /// Reads a `schedule` string: `hourly`, `daily`, `weekly`, `every Nm` / `every Nh` / `every Nd`,
    /// `daily at HH:MM` or `weekly on <weekday> at HH:MM`, in any case and spacing.
    public init(parsing text: String) throws(ScheduleError) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.first {
        case "hourly" where words.count == 1:
            self = .hourly
        case "daily" where words.count == 1:
            self = .daily
        case "weekly" where words.count == 1:
            self = .weekly
        case "every" where words.count >= 2:
            self = .every(seconds: try Self.interval(words.dropFirst().joined(), text: text))
        case "daily" where words.count == 3 && words[1] == "at":
            let (hour, minute) = try Self.clockTime(words[2], text: text)
            self = .dailyAt(hour: hour, minute: minute)
        case "weekly" where words.count == 5 && words[1] == "on" && words[3] == "at":
            guard let day = Weekday(name: words[2]) else {
                throw ScheduleError(text: text, reason: "\"\(words[2])\" is not a day of the week")
            }
            let (hour, minute) = try Self.clockTime(words[4], text: text)
            self = .weeklyOn(day, hour: hour, minute: minute)
        default:
            throw ScheduleError(text: text)
        }
    }

    /// `6h`, `30m`, `2d` (also `6 hours`, `30 min`) as seconds.
    private static func interval(_ spec: String, text: String) throws(ScheduleError) -> Int {
        let digits = spec.prefix(while: \.isASCII).prefix(while: \.isNumber)
        let unit = spec.dropFirst(digits.count)
        let units: [String: Int] = [
            "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
            "h": 3_600, "hr": 3_600, "hrs": 3_600, "hour": 3_600, "hours": 3_600,
            "d": 86_400, "day": 86_400, "days": 86_400,
        ]
        guard !digits.isEmpty, let scale = units[String(unit)] else {
            throw ScheduleError(text: text, reason: "an interval is a whole number followed by m, h or d")
        }
        guard let count = Int(digits), count > 0, count <= longestInterval / scale else {
            throw ScheduleError(text: text, reason: "the interval must be from 1 minute to 366 days")
        }
        return count * scale
    }

    /// `HH:MM` (or `H:MM`) on a 24-hour clock.
    private static func clockTime(_ word: String, text: String) throws(ScheduleError) -> (Int, Int) {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else {
            throw ScheduleError(text: text, reason: "\"\(word)\" is not a time of day, HH:MM from 00:00 to 23:59")
        }
        return (hour, minute)
    }
}
