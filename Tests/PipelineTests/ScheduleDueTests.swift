import Foundation
import Pipeline
import Testing

/// `Schedule.isDue` around each form's boundaries, with an injected clock.
@Suite struct ScheduleDueTests {
    private let utc = TimeZone(identifier: "UTC") ?? .gmt
    private let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    private func at(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text), "bad test time \(text)")
    }

    private func due(_ schedule: String, last: String?, now: String, zone: TimeZone? = nil) throws -> Bool {
        try Schedule(parsing: schedule).isDue(lastSuccess: try last.map(at), now: try at(now), zone: zone ?? utc)
    }

    @Test(arguments: ["hourly", "daily", "weekly", "every 30m", "every 6h", "every 2d", "daily at 06:00", "weekly on monday at 06:00"])
    func aSourceThatNeverRanIsDue(schedule: String) throws {
        #expect(try due(schedule, last: nil, now: "2026-03-29T00:00:00Z"))
        #expect(try due(schedule, last: nil, now: "2026-03-29T00:00:00Z", zone: berlin))
    }

    @Test func intervalsAreDueFiveMinutesBeforeTheyEnd() throws {
        #expect(try !due("hourly", last: "2026-03-28T10:00:00Z", now: "2026-03-28T10:54:59Z"))
        #expect(try due("hourly", last: "2026-03-28T10:00:00Z", now: "2026-03-28T10:55:00Z"))
        #expect(try !due("daily", last: "2026-03-28T02:00:00Z", now: "2026-03-29T01:54:59Z"))
        #expect(try due("daily", last: "2026-03-28T02:00:00Z", now: "2026-03-29T01:55:00Z"))
        #expect(try !due("weekly", last: "2026-03-21T02:00:00Z", now: "2026-03-28T01:54:59Z"))
        #expect(try due("weekly", last: "2026-03-21T02:00:00Z", now: "2026-03-28T01:55:00Z"))
        #expect(try !due("every 6h", last: "2026-03-28T00:00:00Z", now: "2026-03-28T05:54:59Z"))
        #expect(try due("every 6h", last: "2026-03-28T00:00:00Z", now: "2026-03-28T05:55:00Z"))
        #expect(try !due("every 2d", last: "2026-03-27T00:00:00Z", now: "2026-03-28T23:54:59Z"))
        #expect(try due("every 2d", last: "2026-03-27T00:00:00Z", now: "2026-03-28T23:55:00Z"))
    }

    @Test func shortIntervalsKeepATenthAsTolerance() throws {
        #expect(try !due("every 30m", last: "2026-03-28T10:00:00Z", now: "2026-03-28T10:26:59Z"))
        #expect(try due("every 30m", last: "2026-03-28T10:00:00Z", now: "2026-03-28T10:27:00Z"))
        #expect(try !due("every 30m", last: "2026-03-28T10:00:00Z", now: "2026-03-28T10:15:00Z"))
    }

    @Test func aCronFiringSecondsEarlyDoesNotSkipADay() throws {
        // Yesterday's run started at 02:00:01; today the timer fires three seconds early.
        #expect(try due("daily", last: "2026-03-28T02:00:01Z", now: "2026-03-29T01:59:58Z"))
    }

    @Test func dailyAtIsDueFromTheLatestOccurrenceAfterTheLastSuccess() throws {
        #expect(try !due("daily at 06:00", last: "2026-03-28T06:00:30Z", now: "2026-03-29T05:59:59Z"))
        #expect(try due("daily at 06:00", last: "2026-03-28T06:00:30Z", now: "2026-03-29T06:00:00Z"))
        // A manual run at 05:59 does not serve the 06:00 occurrence of the same day.
        #expect(try due("daily at 06:00", last: "2026-03-28T05:59:00Z", now: "2026-03-28T06:00:00Z"))
        // Nor is it due twice for one occurrence, however late the check.
        #expect(try !due("daily at 06:00", last: "2026-03-28T06:15:00Z", now: "2026-03-28T23:59:59Z"))
        // A missed day is made up at the next check.
        #expect(try due("daily at 06:00", last: "2026-03-25T06:00:00Z", now: "2026-03-28T00:15:00Z"))
    }

    @Test func dailyAtFollowsTheZonesClockAcrossTheSpringForward() throws {
        // Europe/Berlin moves from UTC+1 to UTC+2 at 01:00Z on 2026-03-29: 06:00 is 05:00Z on the
        // 28th and 04:00Z on the 29th.
        #expect(try !due("daily at 06:00", last: "2026-03-28T05:00:10Z", now: "2026-03-29T03:59:59Z", zone: berlin))
        #expect(try due("daily at 06:00", last: "2026-03-28T05:00:10Z", now: "2026-03-29T04:00:00Z", zone: berlin))
        // The same instants in UTC: 06:00Z has not come yet on the 29th.
        #expect(try !due("daily at 06:00", last: "2026-03-28T06:00:10Z", now: "2026-03-29T04:00:00Z"))
        // A plain interval counts elapsed time, not the clock: 23 hours later it is not due yet.
        #expect(try !due("daily", last: "2026-03-28T05:00:00Z", now: "2026-03-29T04:00:00Z", zone: berlin))
    }

    @Test func aSkippedLocalTimeCountsFromWhenTheClocksJumpPastIt() throws {
        let schedule = try Schedule(parsing: "daily at 02:30")
        // 02:30 does not exist in Berlin on 2026-03-29; the occurrence is 03:30 CEST (01:30Z).
        #expect(schedule.latestOccurrence(atOrBefore: try at("2026-03-29T01:30:00Z"), zone: berlin) == (try at("2026-03-29T01:30:00Z")))
        #expect(schedule.latestOccurrence(atOrBefore: try at("2026-03-29T01:29:59Z"), zone: berlin) == (try at("2026-03-28T01:30:00Z")))
        #expect(schedule.latestOccurrence(atOrBefore: try at("2026-03-30T12:00:00Z"), zone: berlin) == (try at("2026-03-30T00:30:00Z")))
        #expect(try !due("daily at 02:30", last: "2026-03-28T01:31:00Z", now: "2026-03-29T01:29:59Z", zone: berlin))
        #expect(try due("daily at 02:30", last: "2026-03-28T01:31:00Z", now: "2026-03-29T01:30:00Z", zone: berlin))
    }

    @Test func weeklyOnIsDueFromTheLatestWeekdayOccurrence() throws {
        // Monday 2026-03-23 06:00 CET is 05:00Z; Monday 2026-03-30 06:00 CEST is 04:00Z.
        let last = "2026-03-23T05:10:00Z"
        #expect(try !due("weekly on monday at 06:00", last: last, now: "2026-03-26T12:00:00Z", zone: berlin))
        #expect(try !due("weekly on monday at 06:00", last: last, now: "2026-03-30T03:59:59Z", zone: berlin))
        #expect(try due("weekly on monday at 06:00", last: last, now: "2026-03-30T04:00:00Z", zone: berlin))
        #expect(try !due("weekly on monday at 06:00", last: "2026-03-30T04:05:00Z", now: "2026-04-05T23:00:00Z", zone: berlin))
        // A run on Sunday does not serve the next Monday.
        #expect(try due("weekly on mon at 06:00", last: "2026-03-29T20:00:00Z", now: "2026-03-30T04:00:00Z", zone: berlin))
    }

    @Test func periodsForStaleness() throws {
        #expect(try Schedule(parsing: "every 6h").period == 21_600)
        #expect(try Schedule(parsing: "daily at 06:00").period == 86_400)
        #expect(try Schedule(parsing: "weekly on monday at 06:00").period == 604_800)
    }
}
