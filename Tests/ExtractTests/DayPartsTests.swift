import Foundation
import Testing
import Warehouse

/// Days as the date dimension keys them: arithmetic checked against Foundation's ISO calendar.
@Suite struct DayPartsTests {
    @Test func everyDayOfThirtyYearsAgreesWithFoundationsISOCalendar() throws {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = TimeZone(identifier: "UTC")!
        var date = try #require(iso.date(from: DateComponents(year: 1999, month: 12, day: 1)))
        let end = try #require(iso.date(from: DateComponents(year: 2031, month: 1, day: 10)))
        var checked = 0
        while date <= end {
            let parts = iso.dateComponents([.year, .month, .day, .yearForWeekOfYear, .weekOfYear, .weekday], from: date)
            let key = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let day = try #require(DayParts(key), "\(key)")
            #expect(day.key == key && day.year == parts.year && day.month == parts.month && day.day == parts.day)
            #expect(day.isoYear == parts.yearForWeekOfYear && day.isoWeek == parts.weekOfYear, "\(key)")
            #expect(day.weekday == (parts.weekday! + 5) % 7 + 1, "\(key): ISO weekday, Monday 1")
            date = date.addingTimeInterval(86_400)
            checked += 1
        }
        #expect(checked > 11_000)
    }

    @Test(arguments: ["2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "2025/01/01",
                      "20250101", "2025-01-01T00:00:00Z", "", "abcd-ef-gh", "+025-01-01"])
    func rejectsWhatIsNotARealDay(_ text: String) {
        #expect(DayParts(text) == nil)
    }

    @Test func leapDaysAreRealDays() {
        #expect(DayParts("2024-02-29")?.weekday == 4)
        #expect(DayParts("2000-02-29") != nil)
        #expect(DayParts("1900-02-29") == nil)
    }
}
