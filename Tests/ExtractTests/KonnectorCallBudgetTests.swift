import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Extract
import Logging
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Konnector within its 5,000 calls a day, counted from the sandbox's request log: the daily
/// series come from the `campaign-info` pages, a campaign's own call is made only for what the
/// listing lacks and at most once a day, and the figures stay the generator's.
@Suite struct KonnectorCallBudgetTests {
    /// A runner on the fixture's sandbox with the source's page size left unset, as in a plain configuration.
    private func runner(_ fixture: KonnectorFixture) -> PipelineRunner {
        let configuration = PipelineConfiguration(
            warehouse: fixture.warehouse.url, reportsDirectory: fixture.directory.file("reports"), formats: KonnectorFixture.reportFormats,
            sources: [SourceConfiguration(name: "acme-konnector", kind: .konnector, baseURL: fixture.server.konnectorBaseURL,
                                          apiKeyEnv: "TEST_KONNECTOR_KEY")])
        return PipelineRunner(configuration: configuration, environment: ["TEST_KONNECTOR_KEY": fixture.configuration.apiKey],
                              retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
                              logger: Logger(label: "test"))
    }

    /// Calls per endpoint among `requests`, by the path's last segment (an injected answer's log
    /// entry keeps the full path).
    private func calls(_ requests: some Sequence<SandboxRequest>) -> [String: Int] {
        requests.reduce(into: [:]) { $0["/" + ($1.path.split(separator: "/").last.map(String.init) ?? ""), default: 0] += 1 }
    }

    private func rate(_ numerator: Int, _ denominator: Int) -> String {
        denominator > 0 && numerator <= denominator ? (Double(numerator) / Double(denominator)).databaseValue.description : "∅"
    }

    /// `report_campaign_summary` and the campaign rows of `report_daily_activity` equal the generator's campaigns.
    private func expectTheGeneratorsFigures(_ fixture: KonnectorFixture) throws {
        let summary = try fixture.rows(of: "report_campaign_summary")
        let expectedSummary = fixture.dataset.campaigns.map { campaign in
            ["acme-konnector", campaign.id, campaign.name, campaign.type, campaign.status, campaign.senderID]
                .map { $0.databaseValue.description }
                + [campaign.memberCount, campaign.requestsSent, campaign.requestsAccepted].map { $0.databaseValue.description }
                + [rate(campaign.requestsAccepted, campaign.requestsSent)]
                + [campaign.messagesSent, campaign.messagesReplied].map { $0.databaseValue.description }
                + [rate(campaign.messagesReplied, campaign.messagesSent)]
        }
        #expect(summary.sorted { $0.lexicographicallyPrecedes($1) } == expectedSummary.sorted { $0.lexicographicallyPrecedes($1) })
        let daily = try fixture.rows(of: "report_daily_activity").filter { $0[3] != "∅" }
        let expectedDaily = fixture.dataset.campaigns.flatMap { campaign in
            campaign.days.map { day in
                [day.date, "acme-konnector", campaign.senderID, campaign.id].map { $0.databaseValue.description }
                    + [day.requestsSent, day.requestsAccepted, day.messagesSent, day.messagesReplied].map { $0.databaseValue.description }
            }
        }
        #expect(daily.sorted { $0.lexicographicallyPrecedes($1) } == expectedDaily.sorted { $0.lexicographicallyPrecedes($1) })
    }

    private func today(minusDays days: Int = 0) -> String {
        String(Timestamp.string(Date().addingTimeInterval(-Double(days) * 86_400)).prefix(10))
    }

    @Test func aFirstPullTakesTheDaysFromTheListingAndARerunMakesOnlyTheListingCalls() async throws {
        // 120 campaigns of 40 senders: two pages of 100.
        try await KonnectorFixture.with(configuration: SandboxConfiguration(scale: 10, endDate: KonnectorFixture.endDate)) { fixture in
            let dataset = fixture.dataset
            #expect(dataset.campaigns.count == 120)
            let runner = runner(fixture)

            #expect(try await runner.run().succeeded)
            let first = await fixture.server.requests()
            let pages = (dataset.campaigns.count + 99) / 100
            #expect(calls(first) == ["/user-campaign-filters": 1, "/campaign-info": pages, "/dashboard-info": dataset.senders.count],
                    "1 + \(pages) listing calls and one dashboard per sender, no optimized_routine_data: 43 in all")
            #expect(first.count == 43)
            // The listing is asked for the whole history explicitly: from the first campaign's creation day.
            let parameters = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT parameters FROM raw_page WHERE endpoint = 'campaign-info' ORDER BY id")
            }
            let earliest = try #require(dataset.campaigns.compactMap { Timestamp.day(fromVendor: $0.createdAt) }.min())
            #expect(parameters.allSatisfy { $0.contains(#""limit":100"#) && $0.contains(#""start_date":"\#(earliest)""#) }, "\(parameters)")
            try expectTheGeneratorsFigures(fixture)

            #expect(try await runner.run().succeeded)
            let second = await fixture.server.requests().dropFirst(first.count)
            #expect(calls(second) == ["/user-campaign-filters": 1, "/campaign-info": pages], "nothing new: the listing only")
            let rerun = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT parameters FROM raw_page WHERE endpoint = 'campaign-info' ORDER BY id DESC LIMIT ?",
                                    arguments: [pages])
            }
            #expect(rerun.allSatisfy { $0.contains(#""start_date":"\#(today(minusDays: 14))""#) }, "a rerun asks for the lookback only: \(rerun)")
            try expectTheGeneratorsFigures(fixture)
        }
    }

    /// The sandbox's own `campaign-info` answer with every `daily_stats` left out, as a vendor
    /// version without them would send it.
    private func listingWithoutDailyStats(_ fixture: KonnectorFixture) async throws -> String {
        var request = URLRequest(url: fixture.server.konnectorBaseURL.appendingPathComponent("campaign-info"))
        request.httpMethod = "POST"
        request.setValue(fixture.configuration.apiKey, forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"limit": 100, "offset": 0, "sort_by": "created_at", "sort_order": "asc"}"#.utf8)
        let (body, _) = try await LoopbackHTTP.data(for: request)
        var json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        var data = try #require(json["data"] as? [String: Any])
        let entries = try #require(data["campaign_info"] as? [[String: Any]])
        #expect(entries.allSatisfy { $0["daily_stats"] != nil }, "the sandbox serves daily_stats")
        data["campaign_info"] = entries.map { $0.filter { $0.key != "daily_stats" } }
        json["data"] = data
        return String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    }

    @Test func aCampaignTheListingLacksIsReadOnItsOwnAtMostOnceADay() async throws {
        try await KonnectorFixture.with { fixture in
            let campaigns = fixture.dataset.campaigns.count
            await fixture.server.injectFault(pathSuffix: "/campaign-info", status: 200,
                                             body: try await listingWithoutDailyStats(fixture), times: 3)
            let before = await fixture.server.requests().count
            let runner = runner(fixture)

            #expect(try await runner.run().succeeded)
            let first = await fixture.server.requests().dropFirst(before)
            #expect(calls(first) == ["/user-campaign-filters": 1, "/campaign-info": 1, "/dashboard-info": fixture.dataset.senders.count,
                                     "/optimized_routine_data": campaigns])
            try expectTheGeneratorsFigures(fixture)

            // Every campaign's counters look changed, but each was read today already.
            try await fixture.warehouse.pool.write { db in
                try db.execute(sql: "UPDATE extract_state SET fingerprint = 'old' WHERE item_kind = 'campaign'")
            }
            let afterFirst = await fixture.server.requests().count
            #expect(try await runner.run().succeeded)
            let second = await fixture.server.requests().dropFirst(afterFirst)
            #expect(calls(second) == ["/user-campaign-filters": 1, "/campaign-info": 1], "no second call for a campaign the same day")

            // The next day, the campaigns still look changed and are read over the lookback.
            try await fixture.warehouse.pool.write { db in
                try db.execute(sql: "UPDATE extract_state SET fingerprint = ? WHERE item_kind = 'campaign_routine_day'",
                               arguments: [today(minusDays: 1)])
            }
            let afterSecond = await fixture.server.requests().count
            #expect(try await runner.run().succeeded)
            let third = await fixture.server.requests().dropFirst(afterSecond).filter { $0.path.hasSuffix("/optimized_routine_data") }
            #expect(third.count == campaigns)
            #expect(third.allSatisfy { $0.queryItems.contains { $0.name == "start_date" && $0.value == today(minusDays: 14) } })
            try expectTheGeneratorsFigures(fixture)
        }
    }
}
