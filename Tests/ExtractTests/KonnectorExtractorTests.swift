import Extract
import Foundation
import Sandbox
import TestSupport
import Testing
import Warehouse

/// The Konnector extractor against the sandbox over real HTTP on loopback.
@Suite struct KonnectorExtractorTests {
    private func pageCounts(_ fixture: KonnectorFixture) throws -> [String: Int] {
        try fixture.warehouse.pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT endpoint, COUNT(*) AS n FROM raw_page WHERE http_status = 200 GROUP BY endpoint")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["endpoint"] as String, $0["n"] as Int) })
        }
    }

    @Test func readsEveryPageOfEveryEndpoint() async throws {
        try await KonnectorFixture.with(configuration: SandboxConfiguration(scale: 2, endDate: KonnectorFixture.endDate)) { fixture in
            let session = try await fixture.extract(fixture.settings(pageSize: 5))
            let campaigns = fixture.dataset.campaigns.count
            let counts = try pageCounts(fixture)
            #expect(counts["user-campaign-filters"] == 1)
            #expect(counts["campaign-info"] == (campaigns + 4) / 5)
            #expect(counts["dashboard-info"] == fixture.dataset.senders.count)
            #expect(counts["optimized_routine_data"] == nil, "campaign-info's daily_stats hold every campaign's days")
            let landed = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT body FROM raw_page WHERE endpoint = 'campaign-info' ORDER BY id")
            }
            let ids = try landed.flatMap { body in
                try JSONValue.parse(Data(body.utf8)).at("data", "campaign_info")?.array?.compactMap { $0.at("linkedin_campaign_routine", "id")?.string } ?? []
            }
            #expect(Set(ids) == Set(fixture.dataset.campaigns.map(\.id)))
            #expect(ids.count == campaigns)
            let statistics = await session.statistics()
            #expect(statistics.apiCalls == statistics.pages)
            #expect(statistics.retries == 0)
        }
    }

    @Test func landsPagesVerbatimWithHashAndWithoutSecrets() async throws {
        try await KonnectorFixture.with { fixture in
            try await fixture.extract(fixture.settings())
            let rows = try await fixture.warehouse.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM raw_page") }
            #expect(!rows.isEmpty)
            for row in rows {
                let body: Data = row["body"]
                let parameters: String = row["parameters"]
                #expect(!String(decoding: body, as: UTF8.self).contains(fixture.configuration.apiKey))
                #expect(!parameters.contains(fixture.configuration.apiKey))
                #expect((row["content_hash"] as String).count == 64)
                #expect((row["fetched_at"] as String).hasSuffix("Z"))
            }
            let dashboard = try #require(rows.first { ($0["endpoint"] as String) == "dashboard-info" })
            #expect((dashboard["parameters"] as String).contains("linkedin_user_information_ids"))
        }
    }

    @Test func retriesA500AndGoesOn() async throws {
        try await KonnectorFixture.with { fixture in
            await fixture.server.injectFault(pathSuffix: "/campaign-info", status: 500, times: 2)
            let session = try await fixture.extract(fixture.settings())
            let statistics = await session.statistics()
            #expect(statistics.retries == 2)
            let failed = try await fixture.warehouse.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_page WHERE http_status = 500") ?? 0
            }
            #expect(failed == 2, "error responses are landed too, for diagnosis")
            #expect(try pageCounts(fixture)["campaign-info"] == (fixture.dataset.campaigns.count + 4) / 5)
        }
    }

    @Test func givesUpAfterTheLastRetryNamingSourceAndEndpoint() async throws {
        try await KonnectorFixture.with { fixture in
            await fixture.server.injectFault(pathSuffix: "/user-campaign-filters", status: 503, times: 10)
            let error = await #expect(throws: ExtractError.self) { try await fixture.extract(fixture.settings()) }
            #expect(error?.cause == .transientExhausted)
            #expect(error?.description.hasPrefix("acme-konnector: user-campaign-filters: retries exhausted, HTTP 503") == true)
        }
    }

    @Test func waitsOutA429AsTheVendorAsks() async throws {
        try await KonnectorFixture.with { fixture in
            let body = """
                {"code":429,"status":false,"message":"Rate limit exceeded. Maximum 100 requests per minute allowed.",
                 "data":{"error":"Too many requests","error_code":"RATE_LIMIT_EXCEEDED","retry_after":1,
                 "request_id":"req_1","timestamp":"2025-05-09T22:36:05+05:30",
                 "rate_limit_info":{"limit_minute":100,"remaining_minute":0,"limit_day":5000,"remaining_day":3250}}}
                """
            await fixture.server.injectFault(pathSuffix: "/dashboard-info", status: 429, body: body, times: 1)
            let started = fixture.time.now()
            let session = try await fixture.extract(fixture.settings())
            #expect(fixture.time.now() - started >= .seconds(1), "the vendor's second was waited out")
            let statistics = await session.statistics()
            #expect(statistics.rateLimited == 1)
            #expect(try pageCounts(fixture)["dashboard-info"] == fixture.dataset.senders.count)
        }
    }

    @Test func pacesToTheVendorsRemainingAllowanceWithoutHittingTheWall() async throws {
        try await KonnectorFixture.with(configuration: SandboxConfiguration(
            endDate: KonnectorFixture.endDate, perMinuteLimit: 6, minuteWindow: .seconds(1))) { fixture in
            let session = try await fixture.extract(fixture.settings(pageSize: 2, rateWindow: .seconds(1)))
            let statistics = await session.statistics()
            #expect(statistics.rateLimited == 0)
            #expect(statistics.apiCalls > 6, "the run needed more than one window")
            let throttled = await fixture.server.requests().filter { $0.status == 429 }
            #expect(throttled.isEmpty)
        }
    }

    @Test func stopsOnTheDailyLimitKeepingWhatWasLoaded() async throws {
        try await KonnectorFixture.with(configuration: SandboxConfiguration(
            endDate: KonnectorFixture.endDate, perDayLimit: 4)) { fixture throws in
            let error = await #expect(throws: ExtractError.self) { try await fixture.extract(fixture.settings(pageSize: 50)) }
            guard case .budgetExhausted = error?.cause else {
                Issue.record("expected budget exhausted, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("daily API budget exhausted, resumes after") == true)
            #expect(try pageCounts(fixture).values.reduce(0, +) == 4)
        }
    }

    @Test func a401StopsTheSourceWithAClearMessageAndNoSecret() async throws {
        try await KonnectorFixture.with { fixture in
            let wrongKey = "wrong-key-5f2c"
            let error = await #expect(throws: ExtractError.self) {
                try await fixture.extract(fixture.settings(apiKey: wrongKey))
            }
            #expect(error?.cause == .unauthorized)
            #expect(error?.status == 401)
            let message = error?.description ?? ""
            #expect(message.hasPrefix("acme-konnector: user-campaign-filters: HTTP 401"))
            #expect(!message.contains(wrongKey))
            #expect(!message.contains("\n"))
            #expect(await fixture.server.requests().count == 1, "a 401 is not retried")
        }
    }

    @Test func aMalformedBodyIsAnErrorAndIsKeptRaw() async throws {
        try await KonnectorFixture.with { fixture in
            await fixture.server.injectFault(pathSuffix: "/user-campaign-filters", status: 200, body: "<html>oops</html>", times: 1)
            let error = await #expect(throws: ExtractError.self) { try await fixture.extract(fixture.settings()) }
            guard case .malformedBody = error?.cause else {
                Issue.record("expected a malformed body error, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("<html>oops</html>") == true)
            let kept = try await fixture.warehouse.pool.read { db in
                try String.fetchOne(db, sql: "SELECT body FROM raw_page WHERE endpoint = 'user-campaign-filters'")
            }
            #expect(kept == "<html>oops</html>")
        }
    }
}
