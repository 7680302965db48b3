import Extract
import Pipeline
import Foundation
import Sandbox
import TestSupport
import Testing
import Vendors
import Warehouse

/// The WeConnect extractor against the sandbox over real HTTP on loopback.
@Suite struct WeConnectExtractorTests {
    private func pages(_ fixture: WeConnectFixture, _ endpoint: String) async throws -> [Row] {
        try await fixture.warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM raw_page WHERE endpoint = ? ORDER BY id", arguments: [endpoint])
        }
    }

    @Test func readsEveryPageOfThreadsAndEveryThreadWithoutLandingSecrets() async throws {
        try await WeConnectFixture.with { fixture in
            try await fixture.extract()
            let threads = fixture.dataset.threads(ofUser: fixture.user.id)
            let listing = try await pages(fixture, "ln/messages")
            #expect(listing.count == (threads.count + 9) / 10)
            let listed = try listing.flatMap { row in
                try JSONValue.parse(row["body"] as Data)["data"]?.array?.compactMap { $0["thread"]?.string } ?? []
            }
            #expect(Set(listed) == Set(threads.map(\.id)))
            let fetched = try await pages(fixture, "ln/thread")
            #expect(fetched.count == threads.count)
            let login = try #require(try await pages(fixture, "login").first)
            let loginBody = String(decoding: login["body"] as Data, as: UTF8.self)
            #expect(loginBody.contains("[redacted]"))
            #expect(!loginBody.contains("eyJ"), "the JWT is never landed")
            #expect((login["parameters"] as String).contains("[redacted]"))
            let everything = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT CAST(body AS TEXT) || parameters FROM raw_page")
            }
            #expect(!everything.contains { $0.contains(fixture.user.password) })
        }
    }

    @Test func aSecondRunRefetchesOnlyChangedThreads() async throws {
        try await WeConnectFixture.with { fixture in
            try await fixture.extract()
            let first = await fixture.requests(endingWith: "/ln/thread").count
            #expect(first == fixture.dataset.threads(ofUser: fixture.user.id).count)
            try await fixture.extract()
            #expect(await fixture.requests(endingWith: "/ln/thread").count == first, "no thread changed")
            let changed = try #require(fixture.dataset.threads(ofUser: fixture.user.id).first)
            #expect(await fixture.server.appendMessage(threadID: changed.id, direction: .inbound, content: "Late reply, \"sorry\""))
            try await fixture.extract()
            #expect(await fixture.requests(endingWith: "/ln/thread").count == first + 1)
        }
    }

    @Test func logsInAgainWhenTheTokenExpiresMidRun() async throws {
        var configuration = SandboxConfiguration(endDate: "2026-11-20")
        configuration.weConnectTokenLifetime = .seconds(1)
        try await WeConnectFixture.with(configuration: configuration) { fixture in
            let session = try fixture.session()
            let login = try #require(session.authenticator as? WeConnectLogin)
            try await login.login(session)
            await fixture.advanceTime(by: .milliseconds(1_300))
            _ = try await session.fetch(WeConnectAPI.messages, Parameters(["page": .integer(1)]))
            #expect(await fixture.requests(endingWith: "/api/beta/login").count == 2)
            #expect(await fixture.requests(endingWith: "/ln/messages").allSatisfy { $0.status == 200 })
        }
    }

    @Test func logsInAgainWhenTheVendorRefusesTheToken() async throws {
        try await WeConnectFixture.with { fixture in
            await fixture.server.injectFault(pathSuffix: "/ln/messages", status: 401, body: #"{"message":"Unauthenticated."}"#)
            try await fixture.extract()
            #expect(await fixture.requests(endingWith: "/api/beta/login").count == 2)
            #expect(try await pages(fixture, "ln/thread").count == fixture.dataset.threads(ofUser: fixture.user.id).count)
        }
    }

    @Test func wrongCredentialsStopTheSourceWithoutNamingThem() async throws {
        try await WeConnectFixture.with { fixture in
            let configuration = PipelineRunnerProbe.configuration(fixture)
            var environment = fixture.environment
            environment["TEST_WC_PASSWORD"] = "not-the-password-91"
            let result = try await PipelineRunnerProbe.run(configuration, environment: environment)
            let outcome = try #require(result.outcomes.first)
            #expect(outcome.status == .failed)
            #expect(outcome.error?.hasPrefix("acme-weconnect: login: HTTP 401") == true, "\(outcome.error ?? "")")
            #expect(outcome.error?.contains("not-the-password-91") == false)
        }
    }

    @Test func followsLedgerRequestsUntilFinalAndThenStops() async throws {
        var configuration = SandboxConfiguration(endDate: "2026-11-20")
        configuration.weConnectActionDelay = .milliseconds(300)
        configuration.weConnectReplyDelay = .milliseconds(600)
        try await WeConnectFixture.with(configuration: configuration) { fixture in
            let ids = try fixture.trackUserActions()
            #expect(!ids.isEmpty)
            try await fixture.extract()
            let firstPolls = await fixture.server.requests().filter { $0.path.contains("/ln/request/") }
            #expect(firstPolls.count == ids.count, "every tracked id is polled once")
            await fixture.advanceTime(by: .milliseconds(800))
            try await fixture.extract()
            await fixture.advanceTime(by: .milliseconds(800))
            try await fixture.extract()
            let ledger = try await fixture.warehouse.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM request_ledger WHERE source = ?", arguments: [WeConnectFixture.sourceName])
            }
            #expect(ledger.allSatisfy { ($0["is_final"] as Int) == 1 }, "all settled after their delays")
            let polls = await fixture.server.requests().filter { $0.path.contains("/ln/request/") }
            for action in fixture.dataset.actions(ofUser: fixture.user.id) where action.type != .message && !action.settlesAfterStart {
                let count = polls.filter { $0.path.hasSuffix(action.requestID) }.count
                #expect(count == 1, "\(action.requestID) was final at the first poll and never polled again")
            }
            let due = try RequestLedger(warehouse: fixture.warehouse).due(source: WeConnectFixture.sourceName, lookbackDays: 14)
            #expect(due.allSatisfy { id in
                ledger.contains { ($0["request_id"] as String) == id && ($0["action_type"] as String?) == "message" }
            }, "only messages still waiting for a reply stay due")
        }
    }
}

/// Runs the pipeline on a fixture's source with a chosen environment.
enum PipelineRunnerProbe {
    static func configuration(_ fixture: WeConnectFixture) -> Pipeline.PipelineConfiguration {
        PipelineConfiguration(warehouse: fixture.warehouse.url, reportsDirectory: fixture.directory.file("reports"), formats: KonnectorFixture.reportFormats,
                              sources: [fixture.source])
    }

    static func run(_ configuration: Pipeline.PipelineConfiguration, environment: [String: String]) async throws -> RunResult {
        try await PipelineRunner(configuration: configuration, environment: environment,
                                 retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(5), maxDelay: .milliseconds(10)))
            .run()
    }
}

/// One thread the vendor will not serve does not stop the source.
@Suite struct WeConnectItemFailureTests {
    @Test func aThreadThatAnswers404IsSkippedAndTriedAgainNextRun() async throws {
        try await WeConnectFixture.with { fixture in
            await fixture.server.injectFault(pathSuffix: "/ln/thread", status: 404, body: #"{"status":"error","message":"Thread not found"}"#)
            try await fixture.extract()
            let threads = fixture.dataset.threads(ofUser: fixture.user.id).count
            let fetched = await fixture.requests(endingWith: "/ln/thread").filter { $0.status == 200 }.count
            #expect(fetched == threads - 1)
            try await fixture.extract()
            #expect(await fixture.requests(endingWith: "/ln/thread").filter { $0.status == 200 }.count == threads,
                    "the skipped thread is read on the next run")
        }
    }
}
