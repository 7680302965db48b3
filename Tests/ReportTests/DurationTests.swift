import Testing
@testable import Report

@Suite struct DurationTests {
    @Test(arguments: [
        (0.0, "0 min"), (0.4, "0 min"), (1, "1 min"), (44.5, "45 min"), (59.4, "59 min"),
        (59.5, "1 h"), (60, "1 h"), (61, "1 h 1 min"), (200, "3 h 20 min"), (200.25, "3 h 20 min"),
        (1439.4, "23 h 59 min"), (1439.5, "1 d"), (1440, "1 d"), (1469, "1 d"), (1470, "1 d 1 h"),
        (2851, "2 d"), (3120, "2 d 4 h"), (10_080, "7 d"), (-30, "-30 min"), (-0.3, "0 min"),
    ])
    func roundsToWholeMinutesThenWholeHoursFromADay(minutes: Double, text: String) {
        #expect(CellValue.duration(minutes: minutes) == text)
    }

    @Test func notANumberIsEmpty() {
        #expect(CellValue.duration(minutes: .nan) == "")
        #expect(CellValue.duration(minutes: .infinity) == "")
        #expect(CellValue.duration(minutes: 1e300).hasSuffix(" d"))
    }

    @Test func minuteColumnsDisplayAsDurations() {
        #expect(CellValue.integer(75).displayText(kind: .minutes) == "1 h 15 min")
        #expect(CellValue.real(3120).displayText(kind: .minutes) == "2 d 4 h")
        #expect(CellValue.null.displayText(kind: .minutes) == "")
        #expect(CellValue.text("soon").displayText(kind: .minutes) == "soon")
        #expect(ColumnKind.minutes.isNumeric)
    }
}
