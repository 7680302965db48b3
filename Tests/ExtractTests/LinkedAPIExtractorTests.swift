import Extract
import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Vendors
import Warehouse

/// The Linked API extractor against the sandbox over real HTTP on loopback, in each of the three
/// result-handling modes, with acceptance events through the webhook receiver.
@Suite struct LinkedAPIExtractorTests {
    /// What the generator says each invitation's outcome is by now.
    private func truth(_ dataset: LinkedAPIDataset) -> [String: String] {
        Dictionary(uniqueKeysWithValues: dataset.invitations.map { invitation in
            (invitation.id, invitation.acceptedAt != nil && !invitation.acceptsLive ? "accepted"
                : invitation.withdrawn ? "declined" : "pending")
        })
    }

    private func statuses(_ fixture: VendorFixture) async throws -> [String: String] {
        try await fixture.warehouse.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT invitation_id, status FROM invitation_outcome")
                .map { ($0["invitation_id"] as String, $0["status"] as String) })
        }
    }

    /// Lets a second of vendor time pass, so every workflow finishes and its call is delivered, then counts the
    /// pages the receiver landed.
    private func webhookPages(_ fixture: VendorFixture) async throws -> Int {
        await fixture.advanceTime(by: .seconds(1))
        return try await fixture.warehouse.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_page WHERE endpoint = 'webhook'") ?? 0
        }
    }

    @Test(arguments: [LinkedAPIResultHandling.long, .reslink])
    func connectionStatusesMatchTheGenerator(mode: LinkedAPIResultHandling) async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource(mode: mode)
            try fixture.trackLinkedAPI(source)
            let outcomes = try await fixture.extract([source])
            #expect(outcomes.map(\.status) == [.ok], "\(outcomes.map(\.error))")
            #expect(try await statuses(fixture) == truth(fixture.server.linkedAPI))
            let workflows = (fixture.server.linkedAPI.invitations.count + 19) / 20
            #expect(await fixture.requests(endingWith: "/account/workflow").count == workflows, "twenty checks to a workflow")
            if mode == .reslink { #expect(await !fixture.requests(endingWith: "").filter { $0.path.contains("/account/results/") }.isEmpty) }
            let summary = try #require(try fixture.warehouse.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM report_sender_summary WHERE source = ?", arguments: [VendorFixture.linkedAPIName])
            })
            #expect(summary["sender_id"] as String? == fixture.server.linkedAPI.account.accountId)
            #expect(summary["requests_sent"] as Int? == fixture.server.linkedAPI.invitations.count)
            #expect(summary["requests_accepted"] as Int? == truth(fixture.server.linkedAPI).values.count { $0 == "accepted" })
            // A second run checks only what is still pending.
            try await fixture.extract([source])
            let pending = truth(fixture.server.linkedAPI).values.count { $0 == "pending" }
            #expect(await fixture.requests(endingWith: "/account/workflow").count == workflows + (pending + 19) / 20)
        }
    }

    @Test func hookModeResultsArriveThroughTheReceiverAndSettleTheLedger() async throws {
        try await VendorFixture.with { fixture in
            let base = fixture.linkedAPISource()
            try await ReceiverHandle.with(configuration: fixture.configuration([base]), environment: fixture.environment,
                                          warehouse: fixture.warehouse) { receiver in
                let source = fixture.linkedAPISource(mode: .hook, webhookURL: receiver.url(source: base.name, token: nil))
                try fixture.trackLinkedAPI(source)
                try await fixture.extract([source])
                let workflows = (fixture.server.linkedAPI.invitations.count + 19) / 20
                #expect(try await webhookPages(fixture) == workflows)
                let raw = try await fixture.warehouse.pool.read { db in try String.fetchAll(db, sql: "SELECT CAST(body AS TEXT) FROM raw_page") }
                #expect(!raw.contains { $0.contains(VendorFixture.webhookSecret) }, "the secret in the webhook URL is never landed")
                try fixture.runner([source]).transform(fixture.warehouse, rebuild: false)
                #expect(try await statuses(fixture) == truth(fixture.server.linkedAPI))
                try await fixture.extract([source])
                let pending = truth(fixture.server.linkedAPI).values.count { $0 == "pending" }
                #expect(await fixture.requests(endingWith: "/account/workflow").count == workflows + (pending + 19) / 20,
                        "delivered results settle the ledger: decided invitations are not checked again")
            }
        }
    }

    @Test func aWorkflowTheVendorRefusesIsAWarningAndTheOthersGoOn() async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource()
            try fixture.trackLinkedAPI(source)
            await fixture.server.injectFault(pathSuffix: "/account/workflow", status: 200, body: #"{"status":"failed","error":{"type":"invalidWorkflow","message":"Workflow configuration doesn't meet the constraints of one or more actions."}}"#)
            let first = try await fixture.extract([source])
            #expect(first.map(\.status) == [.ok], "\(first.map(\.error))")
            try await fixture.extract([source])
            #expect(try await statuses(fixture) == truth(fixture.server.linkedAPI), "the refused batch is checked on the next run")
        }
    }

    @Test func checksAreBoundedPerRunLeastRecentlyCheckedFirst() async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource(checksPerRun: 7)
            try fixture.trackLinkedAPI(source)
            try await fixture.extract([source])
            let checked = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT request_id FROM request_ledger WHERE last_polled_at IS NOT NULL")
            }
            #expect(checked.count == 7)
            try await fixture.extract([source])
            let second = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT request_id FROM request_ledger WHERE last_polled_at IS NOT NULL")
            }
            #expect(second.count == 14, "the second run checks seven others")
        }
    }

    @Test func acceptanceEventsDateTheAcceptances() async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource()
            try await ReceiverHandle.with(configuration: fixture.configuration([source]), environment: fixture.environment,
                                          warehouse: fixture.warehouse) { receiver in
                try fixture.trackLinkedAPI(source)
                await fixture.server.linkedAPIWebhooks.register(receiver.url(source: source.name, token: VendorFixture.webhookSecret))
                let sent = await fixture.server.replayLinkedAPIAccountEvents()
                let accepted = fixture.server.linkedAPI.invitations.filter { $0.acceptedAt != nil && !$0.acceptsLive }
                #expect(sent == accepted.count)
                #expect(try await webhookPages(fixture) == sent)
                try fixture.runner([source]).transform(fixture.warehouse, rebuild: false)
                let times = try await fixture.warehouse.pool.read { db in
                    Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT invitation_id, accepted_at FROM invitation_outcome WHERE status = 'accepted'")
                        .map { ($0["invitation_id"] as String, $0["accepted_at"] as String) })
                }
                #expect(times == Dictionary(uniqueKeysWithValues: accepted.map {
                    ($0.id, Timestamp.utc(fromEpoch: Double($0.acceptedAt ?? 0)))
                }), "accepted without a single status check, at the vendor's detectedAt")
            }
        }
    }

    @Test func conversationsMatchTheGenerator() async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource()
            try fixture.trackLinkedAPI(source)
            try await fixture.extract([source])
            let threads = try await fixture.warehouse.pool.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT thread_id, messages_in, messages_out FROM fact_thread")
                    .map { ($0["thread_id"] as String, "\($0["messages_in"] as Int) in, \($0["messages_out"] as Int) out") })
            }
            let expected = Dictionary(uniqueKeysWithValues: fixture.server.linkedAPI.conversations.filter { !$0.messages.isEmpty }.map {
                ($0.threadId, "\($0.messages.count { $0.sender == .them }) in, \($0.messages.count { $0.sender == .us }) out")
            })
            #expect(threads == expected)
            // Polling again (since the window's start) adds no message twice.
            try await fixture.extract([source])
            let again = try await fixture.warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_message") ?? 0 }
            #expect(again == fixture.server.linkedAPI.conversations.reduce(0) { $0 + $1.messages.count })
        }
    }
}
