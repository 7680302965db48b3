import Warehouse

/// A UTC date and time parsed from the views' `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.fff]Z` text.
struct ISODateTime: Equatable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0
    var second: Double = 0

    /// Parses `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    init?(date text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return nil }
        self.init(dateBytes: bytes)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, an optional fraction and a final `Z`; `nil` for anything else.
    init?(timestamp text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes.last == UInt8(ascii: "Z"),
              let hour = Self.number(bytes[11..<13]), hour < 24,
              let minute = Self.number(bytes[14..<16]), minute < 60,
              let whole = Self.number(bytes[17..<19]), whole < 60
        else { return nil }
        var second = Double(whole)
        let fraction = bytes[19..<(bytes.count - 1)]
        if !fraction.isEmpty {
            guard fraction.first == UInt8(ascii: "."), fraction.count > 1,
                  let digits = Self.number(fraction.dropFirst())
            else { return nil }
            second += Double(digits) / Self.power(of: 10, fraction.count - 1)
        }
        self.init(dateBytes: Array(bytes[0..<10]))
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    private init?(dateBytes bytes: [UInt8]) {
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10]), (1...12).contains(month),
              day >= 1, day <= DayParts.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    var dayNumber: Int { DayParts.dayNumber(year: year, month: month, day: day) }

    /// The decimal number the ASCII digits spell, or `nil` when any byte is not a digit (at most 9 digits).
    private static func number<Digits: Collection<UInt8>>(_ digits: Digits) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func power(of base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }
}
