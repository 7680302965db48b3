import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// WeConnect's figures in the views equal what the sandbox's generator knows to be true.
@Suite struct WeConnectTruthTests {
    private func utc(_ epoch: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(epoch)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// First outbound message, the first inbound one after it, and the counts, from the generator.
    private func expected(_ thread: WeConnectThread) -> (firstOut: String?, firstReply: String?, incoming: Int, outgoing: Int) {
        let ordered = thread.messages.sorted { $0.epoch < $1.epoch }
        let firstOut = ordered.first { $0.direction == .outbound }
        let reply = firstOut.flatMap { out in ordered.first { $0.direction == .inbound && $0.epoch > out.epoch } }
        return (firstOut.map { utc($0.epoch) }, reply.map { utc($0.epoch) },
                ordered.filter { $0.direction == .inbound }.count, ordered.filter { $0.direction == .outbound }.count)
    }

    @Test func threadsEqualTheGenerator() async throws {
        try await WeConnectFixture.with { fixture in
            let result = try await fixture.runner().run()
            #expect(result.succeeded, "\(result.outcomes.map { $0.error ?? "" })")
            let rows = try fixture.warehouse.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_threads") }
            let threads = fixture.dataset.threads(ofUser: fixture.user.id)
            #expect(rows.count == threads.count)
            for thread in threads {
                let row = try #require(rows.first { ($0["thread_id"] as String) == thread.id })
                let truth = expected(thread)
                #expect(row["source"] == WeConnectFixture.sourceName)
                #expect(row["sender_id"] == String(fixture.user.id))
                #expect(row["prospect_name"] == thread.profile.name)
                #expect(row["first_outbound_at"] == truth.firstOut)
                #expect(row["first_reply_at"] == truth.firstReply)
                #expect(row["messages_in"] == truth.incoming)
                #expect(row["messages_out"] == truth.outgoing)
                #expect(row["replied"] == (truth.firstReply == nil ? 0 : 1))
                let profile: String? = row["prospect_profile"]
                #expect(profile?.hasPrefix("https://www.linkedin.com/in/") == true)
                #expect(profile == profile?.lowercased())
            }
        }
    }

    @Test func senderSummaryCountsConversationsAndLeavesAcceptanceEmpty() async throws {
        try await WeConnectFixture.with { fixture in
            try fixture.trackUserActions()
            _ = try await fixture.runner().run()
            let threads = fixture.dataset.threads(ofUser: fixture.user.id).map(expected)
            let row = try #require(try fixture.warehouse.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM report_sender_summary WHERE source = ?", arguments: [WeConnectFixture.sourceName])
            })
            #expect(row["sender_id"] == String(fixture.user.id))
            #expect(row["sender_name"] == fixture.user.fullname)
            #expect((row["requests_accepted"] as Int?) == nil)
            #expect((row["acceptance_rate"] as Double?) == nil)
            let messaged = threads.filter { $0.firstOut != nil }.count
            let replied = threads.filter { $0.firstReply != nil }.count
            #expect(row["messages_sent"] == messaged)
            #expect(row["messages_replied"] == replied)
            let outcomes = try fixture.warehouse.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM report_request_outcomes")
            }
            let connectSuccess = outcomes.filter { ($0["action_type"] as String?) == "connect" && ($0["status"] as String?) == "Completed_Success" }
                .map { $0["requests"] as Int }.reduce(0, +)
            #expect(row["requests_sent"] == connectSuccess)
        }
    }

    @Test func requestOutcomesEqualTheGeneratorsSettledStatuses() async throws {
        try await WeConnectFixture.with { fixture in
            try fixture.trackUserActions()
            _ = try await fixture.runner().run()
            let actions = fixture.dataset.actions(ofUser: fixture.user.id)
            let rows = try fixture.warehouse.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT action_type, status, requests FROM report_request_outcomes")
            }
            #expect(rows.map { $0["requests"] as Int }.reduce(0, +) == actions.count)
            var expected: [String: Int] = [:]
            for action in actions where !action.settlesAfterStart {
                expected["\(action.type.rawValue)|\(action.finalStatus.rawValue)", default: 0] += 1
            }
            var settling: [String: Int] = [:]
            for action in actions where action.settlesAfterStart {
                settling[action.type.rawValue, default: 0] += 1
            }
            for (key, count) in expected {
                let parts = key.split(separator: "|").map(String.init)
                let seen = rows.first { ($0["action_type"] as String) == parts[0] && ($0["status"] as String) == parts[1] }
                    .map { $0["requests"] as Int } ?? 0
                #expect(seen >= count && seen <= count + settling[parts[0], default: 0], "\(key)")
            }
        }
    }

    @Test func rebuildGivesTheSameWeConnectViews() async throws {
        try await WeConnectFixture.with { fixture in
            try fixture.trackUserActions()
            let runner = fixture.runner()
            _ = try await runner.run()
            let views = ["report_threads", "report_request_outcomes", "report_sender_summary", "report_daily_activity", "report_kpis"]
            let before = try views.map(fixture.rows(of:))
            #expect(!before[0].isEmpty)
            _ = try await runner.run()
            #expect(try views.map(fixture.rows(of:)) == before, "a rerun on unchanged data changes no view")
            try runner.transform(fixture.warehouse, rebuild: true)
            #expect(try views.map(fixture.rows(of:)) == before, "a rebuild gives the same views")
        }
    }

    @Test func epochWinsOverZonelessDateTimeAndRelativeTimeIsIgnored() async throws {
        try await WeConnectFixture.with { fixture in
            _ = try await fixture.runner().run()
            let stamps = try await fixture.warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT sent_at FROM fact_message")
            }
            let truth = Set(fixture.dataset.threads(ofUser: fixture.user.id).flatMap { $0.messages.map { utc($0.epoch) } })
            #expect(!stamps.isEmpty)
            #expect(Set(stamps).isSubset(of: truth), "every stored time is a generator epoch in UTC, never date_time read as UTC")
        }
    }
}
