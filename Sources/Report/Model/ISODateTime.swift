import Chronology

/// A UTC date and time read from the views' `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.fff]Z` text, for the cells and
/// axes that need their parts.
struct ISODateTime: Equatable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0
    var second: Double = 0

    /// Parses `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    init?(date text: String) {
        guard let date = CivilDate(iso: text) else { return nil }
        (year, month, day) = date.components
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, an optional fraction of at most 9 digits and a final `Z`; `nil` for anything
    /// else, an impossible date among it.
    init?(timestamp text: String) {
        guard let instant = ISOInstant(text), instant.separator == UInt8(ascii: "T"), instant.zone == .utc(lowercase: false),
              instant.isRealDay, instant.second < 60,
              !instant.hasFractionPoint || (1...9).contains(instant.fractionLength)
        else { return nil }
        (year, month, day) = (instant.year, instant.month, instant.day)
        (hour, minute) = (instant.hour, instant.minute)
        second = Double(instant.second) + instant.fraction
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    var dayNumber: Int { CivilDate(year: year, month: month, day: day).dayNumber }
}
