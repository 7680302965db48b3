import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Nightly runs cost what changed: bookmarks, the lookback window, backfills, and the daily budget
/// that stops a source cleanly and lets the next run resume where it stopped.
@Suite struct IncrementalRunTests {
    private static let views = ["report_sender_summary", "report_campaign_summary", "report_daily_activity", "report_kpis"]

    /// The recorded parameters of the latest run's campaign-info pages.
    private static func lastRunsListingParameters(_ fixture: KonnectorFixture) throws -> [String] {
        try fixture.warehouse.pool.read { db in
            try String.fetchAll(db, sql: "SELECT parameters FROM raw_page WHERE endpoint = 'campaign-info' AND run_id = (SELECT MAX(run_id) FROM raw_page)")
        }
    }

    @Test func aRunWithNothingNewMakesOnlyTheListingCalls() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            let before = try Self.views.map(fixture.rows(of:))
            let first = await fixture.server.requests().count
            let logged = try fixture.warehouse.pool.read { db in try Row.fetchOne(db, sql: "SELECT pages, rows, api_calls FROM run_source") }
            let dataset = fixture.dataset
            let atLeast = dataset.senders.count + 2 * dataset.campaigns.count + dataset.campaigns.map { 2 * $0.days.count }.reduce(0, +)
            #expect((logged?["rows"] as Int? ?? 0) >= atLeast, "the run log counts the records read")
            #expect(logged?["pages"] == first)
            #expect(logged?["api_calls"] == first)
            let lastPageOfFirstRun = try await fixture.warehouse.pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM raw_page") }
            _ = try await runner.run()
            let newestDailySource = try await fixture.warehouse.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT MAX(raw_page_id) FROM fact_campaign_daily")
            }
            #expect(newestDailySource ?? 0 <= lastPageOfFirstRun ?? 0, "a day seen again with the same figures is not rewritten")
            let newestOther = try await fixture.warehouse.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT MAX(raw_page_id) FROM (SELECT raw_page_id FROM fact_campaign_snapshot UNION ALL SELECT raw_page_id FROM dim_campaign_version)")
            }
            #expect(newestOther ?? 0 <= lastPageOfFirstRun ?? 0, "unchanged counters and attributes add no snapshot and no version")
            let second = await fixture.server.requests().dropFirst(first)
            let campaignPages = (fixture.dataset.campaigns.count + 4) / 5
            #expect(second.count == 1 + campaignPages, "\(second.map(\.endpoint))")
            #expect(second.allSatisfy { $0.endpoint == "/user-campaign-filters" || $0.endpoint == "/campaign-info" })
            #expect(try Self.views.map(fixture.rows(of:)) == before)
        }
    }

    @Test func aChangedCampaignIsReadAgainFromTheBookmarkMinusTheLookback() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            let bookmark = try Bookmarks(warehouse: fixture.warehouse).value(source: "acme-konnector", endpoint: "window")
            let today = String(Date().formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
            #expect(bookmark == today)
            // Make one campaign look changed, as new counters in campaign-info would.
            let campaign = try #require(fixture.dataset.campaigns.first { !$0.days.isEmpty })
            try await fixture.warehouse.pool.write { db in
                try db.execute(sql: "UPDATE extract_state SET fingerprint = 'old' WHERE item_kind = 'campaign' AND item_id = ?",
                               arguments: [campaign.id])
            }
            let first = await fixture.server.requests().count
            _ = try await runner.run()
            let routine = await fixture.server.requests().dropFirst(first).filter { $0.endpoint == "/optimized_routine_data" }
            #expect(routine.isEmpty, "campaign-info's daily_stats hold the changed campaign's days")
            let expected = String(Date().addingTimeInterval(-14 * 86_400).formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
            let listing = try Self.lastRunsListingParameters(fixture)
            #expect(!listing.isEmpty && listing.allSatisfy { $0.contains(#""start_date":"\#(expected)""#) }, "\(listing)")
        }
    }

    @Test func aBackfillReadsEverythingInItsRangeAndLeavesTheBookmark() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            try Bookmarks(warehouse: fixture.warehouse).set(source: "acme-konnector", endpoint: "window", value: "2026-11-01")
            let first = await fixture.server.requests().count
            let result = try await runner.run(window: DateWindow(since: "2026-10-01", until: "2026-10-31"))
            #expect(result.succeeded)
            let routine = await fixture.server.requests().dropFirst(first).filter { $0.endpoint == "/optimized_routine_data" }
            #expect(routine.isEmpty, "campaign-info's daily_stats hold every campaign's days of the range")
            let listing = try Self.lastRunsListingParameters(fixture)
            #expect(!listing.isEmpty && listing.allSatisfy { $0.contains(#""end_date":"2026-10-31""#) && $0.contains(#""start_date":"2026-10-01""#) },
                    "\(listing)")
            #expect(try Bookmarks(warehouse: fixture.warehouse).value(source: "acme-konnector", endpoint: "window") == "2026-11-01")
        }
    }

    @Test func anExhaustedDailyBudgetStopsCleanlyAndTheNextDayResumesWhereItStopped() async throws {
        try await KonnectorFixture.with { fixture in
            try await KonnectorFixture.with { reference in
                _ = try await reference.runner().run()
                let expected = try Self.views.map(reference.rows(of:))

                var configuration = fixture.runner().configuration
                configuration.sources[0].dailyLimit = 5
                let runner = PipelineRunner(configuration: configuration, environment: ["TEST_KONNECTOR_KEY": fixture.configuration.apiKey])
                let stopped = try await runner.run()
                let error = try #require(stopped.outcomes.first?.error)
                #expect(error.contains("daily API budget exhausted, resumes after "), "\(error)")
                #expect(error.hasSuffix(" UTC"))
                #expect(await fixture.server.requests().count == 5, "never a call past the allowance")

                let again = try await runner.run()
                #expect(again.outcomes.first?.status == .failed)
                #expect(await fixture.server.requests().count == 5, "another run the same day makes no call")

                // The vendor's day is over.
                try await fixture.warehouse.pool.write { db in
                    try db.execute(sql: "UPDATE api_budget SET day_started_at = '2000-01-01T00:00:00.000Z'")
                }
                var resumed = configuration
                resumed.sources[0].dailyLimit = nil
                let finished = try await PipelineRunner(configuration: resumed, environment: ["TEST_KONNECTOR_KEY": fixture.configuration.apiKey]).run()
                #expect(finished.succeeded)
                let routine = await fixture.server.requests().filter { $0.endpoint == "/optimized_routine_data" }
                #expect(routine.isEmpty, "every campaign's days came with the listing over the three runs")
                #expect(try Self.views.map(fixture.rows(of:)) == expected)
            }
        }
    }
}
