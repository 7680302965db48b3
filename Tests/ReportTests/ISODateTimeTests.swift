import Testing
@testable import Report

@Suite struct ISODateTimeTests {
    @Test func parsesDates() throws {
        let date = try #require(ISODateTime(date: "2024-05-01"))
        #expect([date.year, date.month, date.day, date.hour, date.minute] == [2024, 5, 1, 0, 0])
        #expect(ISODateTime(date: "2024-02-29") != nil)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-5-1", "20240501", "", "2024-05-01T00:00:00Z", "２０２４-05-01"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(ISODateTime(date: text) == nil)
    }

    @Test func parsesUTCTimestampsWithOptionalFraction() throws {
        let plain = try #require(ISODateTime(timestamp: "2024-05-01T09:30:07Z"))
        #expect([plain.year, plain.month, plain.day, plain.hour, plain.minute] == [2024, 5, 1, 9, 30])
        #expect(plain.second == 7)
        let fraction = try #require(ISODateTime(timestamp: "2024-05-02T10:00:00.250Z"))
        #expect(fraction.second == 0.25)
    }

    @Test(arguments: ["2024-05-01T09:30:07", "2024-05-01T09:30:07+00:00", "2024-05-01 09:30:07Z", "2024-05-01T24:00:00Z",
                      "2024-05-01T09:30:07.Z", "2024-05-01T09:30:07.5xZ", "2024-05-01", "2024-05-01T09:30:07z"])
    func rejectsWhatIsNotAUTCTimestamp(text: String) {
        #expect(ISODateTime(timestamp: text) == nil)
    }

    @Test func countsDaysSinceTheEpoch() throws {
        #expect(ISODateTime(date: "1970-01-01")?.dayNumber == 0)
        #expect(ISODateTime(date: "2000-03-01")?.dayNumber == 11_017)
        let first = try #require(ISODateTime(date: "2024-02-27")?.dayNumber)
        #expect(ISODateTime(date: "2024-03-01")?.dayNumber == first + 3)
    }
}
