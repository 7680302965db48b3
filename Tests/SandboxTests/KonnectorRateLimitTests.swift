import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite struct KonnectorRateLimitTests {
    typealias HTTP = SandboxHTTP

    @Test func perMinuteLimitAnswers429ThenRecovers() async throws {
        let configuration = SandboxConfiguration(perMinuteLimit: 3, minuteWindow: .seconds(3))
        try await HTTP.withServer(configuration) { server in
            let url = HTTP.url(server.konnectorBaseURL, "/user-campaign-filters")
            for expected in [2, 1, 0] {
                let result = try await HTTP.send(url)
                #expect(result.status == 200)
                #expect(result.header("X-RateLimit-Limit-Minute") == "3")
                #expect(result.header("X-RateLimit-Remaining-Minute") == String(expected))
            }
            let limited = try await HTTP.send(url)
            #expect(limited.status == 429)
            #expect(limited.json?.int("code") == 429)
            #expect(limited.json?.string("message") == "Rate limit exceeded. Maximum 3 requests per minute allowed.")
            let data = try #require(limited.data)
            #expect(data.string("error_code") == "RATE_LIMIT_EXCEEDED")
            #expect(data.string("error") == "Too many requests")
            let retry = try #require(data.int("retry_after"))
            #expect(retry == 3, "no time has passed since the window began")
            let info = try #require(data.object("rate_limit_info"))
            #expect(info.int("limit_minute") == 3)
            #expect(info.int("remaining_minute") == 0)
            #expect(info.int("limit_day") == 5000)
            #expect(info.int("remaining_day") == 4996)
            #expect(limited.header("X-RateLimit-Remaining-Minute") == "0")
            #expect(limited.header("X-RateLimit-Remaining-Day") == "4996")

            await server.advanceTime(by: .seconds(retry))
            let recovered = try await HTTP.send(url)
            #expect(recovered.status == 200)
            #expect(recovered.header("X-RateLimit-Remaining-Minute") == "2")
        }
    }

    @Test func dailyLimitAnswersRetryAfterInHours() async throws {
        let configuration = SandboxConfiguration(perDayLimit: 2)
        try await HTTP.withServer(configuration) { server in
            let url = HTTP.url(server.konnectorBaseURL, "/user-campaign-filters")
            #expect(try await HTTP.send(url).status == 200)
            #expect(try await HTTP.send(url).status == 200)
            let limited = try await HTTP.send(url)
            #expect(limited.status == 429)
            #expect(limited.json?.string("message") == "Rate limit exceeded. Maximum 2 requests per day allowed.")
            #expect(limited.data?.int("retry_after") == 24)
            #expect(limited.data?.object("rate_limit_info")?.int("remaining_day") == 0)
            #expect(limited.header("X-RateLimit-Remaining-Day") == "0")
        }
    }

    @Test func failedRequestsCountToo() async throws {
        let configuration = SandboxConfiguration(perMinuteLimit: 2, minuteWindow: .seconds(30))
        try await HTTP.withServer(configuration) { server in
            let bad = HTTP.url(server.konnectorBaseURL, "/dashboard-info", [
                ("start_date", "2026-11-10"), ("end_date", "2026-11-01"),
            ])
            #expect(try await HTTP.send(bad).status == 400)
            #expect(try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/nowhere")).status == 404)
            let third = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/user-campaign-filters"))
            #expect(third.status == 429)
            // Another key has its own budget.
            let admin = try await HTTP.send(HTTP.url(server.konnectorBaseURL, "/user-campaign-filters"),
                                            key: HTTP.adminKey)
            #expect(admin.status == 200)
        }
    }

    @Test func injectedFaultsAreServedTheRequestedNumberOfTimes() async throws {
        let configuration = SandboxConfiguration(perMinuteLimit: 2)
        try await HTTP.withServer(configuration) { server in
            let url = HTTP.url(server.konnectorBaseURL, "/campaign-info", [("limit", "3")])
            await server.injectFault(pathSuffix: "/campaign-info", status: 500)
            await server.injectFault(pathSuffix: "/campaign-info", status: 200, body: "<html>maintenance</html>")

            let failed = try await HTTP.send(url)
            #expect(failed.status == 500)
            #expect(failed.json?.int("code") == 500)
            let html = try await HTTP.send(url)
            #expect(html.status == 200)
            #expect(html.json == nil)
            #expect(html.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(String(decoding: html.body, as: UTF8.self) == "<html>maintenance</html>")

            // Faults bypass the limiter: two real requests still fit the budget of 2.
            #expect(try await HTTP.send(url).status == 200)
            #expect(try await HTTP.send(url).status == 200)

            let log = await server.requests()
            #expect(log.map(\.status) == [500, 200, 200, 200])
            #expect(log.map(\.faultInjected) == [true, true, false, false])
            #expect(log.first?.queryItems == [URLQueryItem(name: "limit", value: "3")])
        }
    }
}
