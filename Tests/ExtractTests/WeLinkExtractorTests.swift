import Extract
import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Vendors
import Warehouse

/// The We-Link extractor against the sandbox over real HTTP on loopback: its figures against the
/// generator's truth, its hourly allowance, and results delivered by webhook.
@Suite struct WeLinkExtractorTests {
    /// The sender summary row of the We-Link source.
    private func summary(_ fixture: VendorFixture) throws -> Row {
        try #require(try fixture.warehouse.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM report_sender_summary WHERE source = ?", arguments: [VendorFixture.weLinkName])
        })
    }

    private func expected(_ requests: [WeLinkRequestRecord]) -> (connects: Int, messages: Int, replies: Int) {
        (requests.count { $0.type == .connect && $0.finalStatus == .success },
         requests.count { $0.type == .message && $0.finalStatus == .success },
         requests.count { $0.type == .message && $0.finalStatus == .success && $0.repliedAt != nil })
    }

    @Test func followedRequestsAndThreadsMatchTheGeneratorWithoutLandingSecrets() async throws {
        try await VendorFixture.with { fixture in
            let requests = try fixture.trackWeLink()
            await fixture.advanceTime(by: .milliseconds(300))
            let outcomes = try await fixture.extract([fixture.weLinkSource()])
            #expect(outcomes.map(\.status) == [.ok], "\(outcomes.map(\.error))")
            let truth = expected(requests)
            let row = try summary(fixture)
            #expect(row["sender_id"] as String? == fixture.server.weLink.accounts.first?.id)
            #expect(row["requests_sent"] as Int? == truth.connects)
            #expect(row["requests_accepted"] as Int? == nil, "We-Link cannot know acceptance")
            #expect(row["messages_sent"] as Int? == truth.messages)
            #expect(row["messages_replied"] as Int? == truth.replies)
            let account = try #require(fixture.server.weLink.accounts.first)
            let threads = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT thread_id FROM fact_thread ORDER BY thread_id")
            }
            #expect(threads == fixture.server.weLink.threads(ofAccount: account.id).map(\.threadID).sorted())
            let raw = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT CAST(body AS TEXT) || parameters FROM raw_page")
            }
            let (listings, listingActions) = try await fixture.warehouse.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request_ledger WHERE action_type = 'threads'") ?? 0,
                 try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM fact_action WHERE request_id IN (SELECT request_id FROM request_ledger WHERE action_type = 'threads')
                    """) ?? 0)
            }
            #expect(listings > 0)
            #expect(listingActions == 0, "a threads listing is no action")
            let configuration = fixture.server.configuration
            #expect(!raw.contains { $0.contains(configuration.weLinkAPIKey) || $0.contains(configuration.weLinkAPISecret) })
        }
    }

    @Test func spendsExactlyTheDocumentedAllowanceAndCarriesTheRestToTheNextRun() async throws {
        var configuration = VendorFixture.quickConfiguration
        configuration.weLinkRequestsPerWindow = 30
        try await VendorFixture.with(configuration: configuration) { fixture in
            let requests = try fixture.trackWeLink()
            #expect(requests.count > 30)
            await fixture.advanceTime(by: .milliseconds(300))
            var source = fixture.weLinkSource()
            source.hourlyLimit = SourceKind.welink.documentedHourlyLimit
            let outcomes = try await fixture.extract([source])
            #expect(outcomes.map(\.status) == [.ok], "a spent allowance is not a failure")
            let sent = await fixture.server.requests().filter { $0.path.hasPrefix("/welink/") }
            #expect(sent.count == 30)
            #expect(!sent.contains { $0.status == 429 }, "the allowance is kept by the pipeline, not learnt from a 429")
            let ledger = RequestLedger(warehouse: fixture.warehouse)
            #expect(try ledger.due(source: VendorFixture.weLinkName, lookbackDays: 14).count >= requests.count - 30)
            // The hour passes (on the sandbox's virtual clock; the pipeline's recorded calls are aged by hand):
            // the next runs finish the work.
            var runs = 0
            repeat {
                try await fixture.warehouse.pool.write { db in
                    try db.execute(sql: "UPDATE api_call SET called_at = '2000-01-01T00:00:00.000Z'")
                }
                await fixture.advanceTime(by: .seconds(3_601))
                try await fixture.extract([source])
                runs += 1
            } while try ledger.due(source: VendorFixture.weLinkName, lookbackDays: 14).contains(where: { id in
                requests.contains { $0.requestID == id && $0.type == .connect }
            }) && runs < 5
            #expect(runs < 5)
            #expect(await fixture.server.requests().filter { $0.path.hasPrefix("/welink/") && $0.status == 429 }.isEmpty)
            #expect(try summary(fixture)["requests_sent"] as Int? == expected(requests).connects)
        }
    }

    @Test func aRateLimitAnswerEndsTheRunForTheWindowWithoutFailingIt() async throws {
        try await VendorFixture.with { fixture in
            try fixture.trackWeLink()
            await fixture.server.injectFault(pathSuffix: "/get_response", status: 429,
                                             body: #"{"status":"RATE_LIMIT_EXCEEDED","message":"Rate limit of 30 requests per hour exceeded"}"#)
            let outcomes = try await fixture.extract([fixture.weLinkSource()])
            #expect(outcomes.map(\.status) == [.ok])
            #expect(outcomes.first?.rateLimited == 1)
            let before = await fixture.server.requests().count
            try await fixture.extract([fixture.weLinkSource()])
            #expect(await fixture.server.requests().count == before, "no call while the vendor's window is full")
        }
    }

    @Test func aSecondRunListsOnlyTheFirstPageOfUnchangedThreads() async throws {
        try await VendorFixture.with { fixture in
            var source = fixture.weLinkSource()
            source.pageSize = 5
            try await fixture.extract([source])
            let first = await fixture.requests(endingWith: "/personal_message_threads").count
            let account = try #require(fixture.server.weLink.accounts.first)
            #expect(first == (fixture.server.weLink.threads(ofAccount: account.id).count + 4) / 5)
            try await fixture.extract([source])
            #expect(await fixture.requests(endingWith: "/personal_message_threads").count == first + 1)
        }
    }

    @Test func resultsDeliveredByWebhookAreLoadedLikePolledOnes() async throws {
        var configuration = VendorFixture.quickConfiguration
        configuration.weLinkProcessingDelay = .seconds(1)
        try await VendorFixture.with(configuration: configuration) { fixture in
            var source = fixture.weLinkSource()
            source.webhookSecretEnv = "TEST_WEBHOOK_SECRET"
            try await ReceiverHandle.with(configuration: fixture.configuration([source]), environment: fixture.environment,
                                          warehouse: fixture.warehouse) { receiver in
                await fixture.server.weLinkWebhooks.register(receiver.url(source: source.name, token: VendorFixture.webhookSecret))
                let recent = fixture.server.weLink.recentRequests
                #expect(!recent.isEmpty)
                // The recent requests finish a second after the start; their calls have arrived once that has passed.
                await fixture.advanceTime(by: .seconds(2))
                let landed = try await fixture.warehouse.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_page WHERE endpoint = 'webhook'") ?? 0
                }
                #expect(landed == recent.count)
                try fixture.runner([source]).transform(fixture.warehouse, rebuild: false)
                let statuses = try await fixture.warehouse.pool.read { db in
                    try String.fetchAll(db, sql: "SELECT request_id || ' ' || status FROM fact_action ORDER BY request_id")
                }
                #expect(statuses == recent.map { "\($0.requestID) \($0.finalStatus.rawValue)" }.sorted())
            }
        }
    }
}
