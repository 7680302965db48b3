import Chronology
import Foundation
import Testing

/// The one timestamp parser: every form a caller accepts, with the form it read, and the instant it names.
@Suite struct ISOInstantTests {
    @Test func readsEveryFormAndSaysWhichItWas() throws {
        let strict = try #require(ISOInstant("2024-05-01T09:30:07+05:30"))
        #expect(strict.separator == UInt8(ascii: "T") && strict.zone == .offset(seconds: 19_800, colon: true))
        #expect(try #require(ISOInstant("2024-05-01 09:30:07")).zone == nil)
        #expect(try #require(ISOInstant("2024-05-01 09:30:07")).separator == UInt8(ascii: " "))
        #expect(try #require(ISOInstant("2024-05-01T09:30:07-0800")).zone == .offset(seconds: -28_800, colon: false))
        #expect(try #require(ISOInstant("2024-05-01T09:30:07z")).zone == .utc(lowercase: true))
        #expect(try #require(ISOInstant("2024-05-01T09:30:07Z")).zone == .utc(lowercase: false))
        let fraction = try #require(ISOInstant("2024-05-01T09:30:07.250Z"))
        #expect(fraction.fraction == 0.25 && fraction.fractionLength == 3 && fraction.hasFractionPoint)
        #expect(try #require(ISOInstant("2024-05-01T09:30:07.Z")).fractionLength == 0)
    }

    @Test(arguments: ["2024-05-01", "2024-05-01T24:00:00Z", "2024-13-01T00:00:00Z", "2024-05-32T00:00:00Z",
                      "2024-05-01T09:30:07+5:30", "2024-05-01T09:30:07 Z", " 2024-05-01T09:30:07Z", "2024-05-01T09:30:07Zx",
                      "2024-05-01X09:30:07Z", "２０２４-05-01T09:30:07Z"])
    func refusesWhatIsNoTimestamp(text: String) {
        #expect(ISOInstant(text) == nil)
    }

    @Test func namesTheSameInstantAsFoundation() throws {
        let cases = ["2024-05-01T09:30:07+05:30", "1969-12-31T23:59:59Z", "2000-02-29T00:00:00-01:00", "2024-12-31T23:59:60Z"]
        let formatter = ISO8601DateFormatter()
        for text in cases.dropLast() {
            let expected = try #require(formatter.date(from: text)).timeIntervalSince1970
            #expect(Double(try #require(ISOInstant(text)).epochSeconds) == expected, "\(text)")
        }
        // A leap second is read as the first second of the next minute; a day past its month's end rolls over.
        #expect(try #require(ISOInstant("2024-12-31T23:59:60Z")).epochSeconds == 1_735_689_600)
        let rolled = try #require(ISOInstant("2025-02-30T00:00:00Z"))
        #expect(!rolled.isRealDay && rolled.date.iso == "2025-03-02")
    }

    @Test func formatsAtAnOffsetAndReadsItBack() throws {
        for epoch: Int64 in [0, -1, -86_400, 1_714_555_807, 4_102_444_800] {
            for offset in [0, 330, -480] {
                let text = ISOInstant.format(epochSeconds: epoch, offsetMinutes: offset)
                #expect(try #require(ISOInstant(text)).epochSeconds == epoch, "\(text)")
            }
        }
        #expect(ISOInstant.format(epochSeconds: -1) == "1969-12-31T23:59:59Z")
        #expect(ISOInstant.format(epochSeconds: 1_714_555_807, offsetMinutes: 330) == "2024-05-01T15:00:07+05:30")
    }

    @Test func civilDatesAreRealDaysWithTheirISOWeek() throws {
        #expect(CivilDate(iso: "2023-02-29") == nil && CivilDate(iso: "2024-02-29") != nil)
        let date = try #require(CivilDate(iso: "2021-01-03")) // a Sunday in ISO week 53 of 2020
        #expect(date.isoWeekday == 7 && date.isoWeek == (2020, 53))
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0 && date.adding(days: 1).iso == "2021-01-04")
    }
}
