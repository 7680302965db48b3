import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
@testable import Transform
import Warehouse

/// The reply views over a WeConnect account read through its API equal what the generator's threads say, each
/// inbound text classed by the shipped rules.
@Suite struct ReplyTruthTests {
    private func utc(_ epoch: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(epoch)).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// The thread's reply as metrics.md defines it, from the generator's messages.
    private func truth(_ thread: WeConnectThread, _ classifier: ReplyClassifier)
        -> (firstReply: String, replyClass: String, followUps: Int, steps: Int)? {
        let ordered = thread.messages.sorted { $0.epoch < $1.epoch }
        guard let start = ordered.firstIndex(where: { $0.direction == .outbound }) else { return nil }
        var outbound = 0, firstReply: (at: String, outbound: Int)?
        for message in ordered[start...] {
            if message.direction == .outbound { outbound += 1; continue }
            if firstReply == nil { firstReply = (utc(message.epoch), outbound) }
            let decided = classifier.classify(message.content)
            if decided != .autoReply {
                return (firstReply?.at ?? "", decided.rawValue, outbound - 1, outbound)
            }
        }
        guard let firstReply else { return nil }
        return (firstReply.at, "auto_reply", firstReply.outbound - 1, outbound)
    }

    @Test func repliesAndTheirClassesEqualTheGenerator() async throws {
        try await WeConnectFixture.with { fixture in
            let result = try await fixture.runner().run()
            #expect(result.succeeded)
            let classifier = ReplyClassifier(rules: try .bundled())
            let threads = fixture.dataset.threads(ofUser: fixture.user.id)
            let expected = threads.compactMap { thread in truth(thread, classifier).map { (thread.id, $0) } }
                .sorted { $0.0 < $1.0 }
            let rows = try fixture.warehouse.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT thread_id, first_reply_at, reply_class, follow_ups_before_reply FROM report_replies")
            }
            #expect(rows.count == expected.count)
            for (row, (id, truth)) in zip(rows.sorted { ($0["thread_id"] as String) < ($1["thread_id"] as String) }, expected) {
                #expect(row["thread_id"] == id)
                #expect(row["first_reply_at"] == truth.firstReply, "\(id)")
                #expect(row["reply_class"] == truth.replyClass, "\(id)")
                #expect(row["follow_ups_before_reply"] == truth.followUps, "\(id)")
            }
            // The demo's texts hold every class.
            #expect(Set(expected.map(\.1.replyClass)).count >= 4, "\(expected.map(\.1.replyClass))")

            let conversations = threads.filter { $0.messages.contains { $0.direction == .outbound } }.count
            let quality = try #require(try fixture.warehouse.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM report_reply_quality") })
            #expect(quality["conversations"] == conversations)
            #expect(quality["replied_conversations"] == expected.count)
            #expect(quality["auto_replies"] == expected.filter { $0.1.replyClass == "auto_reply" }.count)
            #expect(quality["positive"] == expected.filter { $0.1.replyClass == "positive" }.count)
            #expect(quality["genuine_replies"] == expected.filter { $0.1.replyClass != "auto_reply" }.count)

            // Step 1 is reached by every conversation; the replies after each step add up to the genuine replies.
            let steps = try fixture.warehouse.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT step, conversations_reaching_step, genuine_replies_after_step FROM report_follow_up_steps")
            }
            #expect(steps.first?["conversations_reaching_step"] == conversations)
            #expect(steps.map { $0["genuine_replies_after_step"] as Int }.reduce(0, +) == quality["genuine_replies"])
            let sent = try await fixture.warehouse.pool.read { db -> Int? in
                try Int.fetchOne(db, sql: "SELECT SUM(conversations_started) FROM report_send_time")
            }
            #expect(sent == conversations)
        }
    }
}
