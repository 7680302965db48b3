import Foundation
import Pipeline
import Testing

/// Every form a `schedule` string may take, and the errors for the ones it may not.
@Suite struct ScheduleParsingTests {
    @Test(arguments: [
        ("hourly", Schedule.every(seconds: 3_600)),
        ("daily", .every(seconds: 86_400)),
        ("weekly", .every(seconds: 604_800)),
        ("every 6h", .every(seconds: 21_600)),
        ("every 30m", .every(seconds: 1_800)),
        ("every 2d", .every(seconds: 172_800)),
        ("every 90 minutes", .every(seconds: 5_400)),
        ("  Every   12H ", .every(seconds: 43_200)),
        ("daily at 06:00", .dailyAt(hour: 6, minute: 0)),
        ("daily at 6:30", .dailyAt(hour: 6, minute: 30)),
        ("Daily At 23:59", .dailyAt(hour: 23, minute: 59)),
        ("weekly on monday at 06:00", .weeklyOn(.monday, hour: 6, minute: 0)),
        ("weekly on SUN at 00:00", .weeklyOn(.sunday, hour: 0, minute: 0)),
    ])
    func readsEveryAcceptedForm(text: String, expected: Schedule) throws {
        #expect(try Schedule(parsing: text) == expected)
    }

    @Test(arguments: [
        ("", nil),
        ("fortnightly", nil),
        ("daily at", nil),
        ("hourly at 06:00", nil),
        ("every", nil),
        ("every 0h", "from 1 minute to 366 days"),
        ("every 400d", "from 1 minute to 366 days"),
        ("every 99999999999999999999m", "from 1 minute to 366 days"),
        ("every 6x", "whole number followed by m, h or d"),
        ("every h", "whole number followed by m, h or d"),
        ("every -1h", "whole number followed by m, h or d"),
        ("daily at 24:00", "\"24:00\" is not a time of day"),
        ("daily at 6:5", "\"6:5\" is not a time of day"),
        ("daily at noon", "\"noon\" is not a time of day"),
        ("weekly on funday at 06:00", "\"funday\" is not a day of the week"),
        ("weekly on monday", nil),
    ] as [(String, String?)])
    func rejectsOtherTextNamingTheAcceptedForms(text: String, reason: String?) {
        let error = #expect(throws: ScheduleError.self) { try Schedule(parsing: text) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("schedule \"\(text)\" is not understood"), "\(message)")
        #expect(message.hasSuffix("use one of: " + ScheduleError.acceptedForms))
        if let reason { #expect(message.contains(reason), "\(message)") }
        #expect(!message.contains("\n"))
    }

    @Test func writesItsCanonicalSpelling() throws {
        for text in ["hourly", "daily", "weekly", "every 6h", "every 30m", "every 2d", "daily at 06:05", "weekly on friday at 18:00"] {
            #expect(try Schedule(parsing: text).description == text)
        }
        #expect(try Schedule(parsing: "every 24h").description == "daily")
        #expect(try Schedule(parsing: "every 120m").description == "every 2h")
    }

    @Test func toleranceIsFiveMinutesOrATenthOfShortIntervals() {
        #expect(Schedule.tolerance(forInterval: 86_400) == 300)
        #expect(Schedule.tolerance(forInterval: 3_600) == 300)
        #expect(Schedule.tolerance(forInterval: 1_800) == 180)
        #expect(Schedule.tolerance(forInterval: 60) == 6)
    }
}
