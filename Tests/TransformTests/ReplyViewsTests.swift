import Foundation
import GRDB
import TestSupport
import Testing
@testable import Transform
import Warehouse

/// The reply analysis views over hand-written WeConnect threads whose classes, steps and send times are known.
@Suite struct ReplyViewsTests {
    static let rules = """
        [auto_reply]
        en: out of office
        en: parental leave
        [negative]
        en: not interested
        [referral]
        en: contact my colleague
        [positive]
        en: interested
        """

    /// A message: direction, UTC time, text.
    typealias Message = (String, String, String)

    /// One thread page (messages given oldest first, served newest first as the vendor does).
    private func land(_ db: Database, thread: String, _ messages: [Message], at fetchedAt: String) throws {
        let list: [[String: Any]] = messages.reversed().map { direction, time, text in
            ["type": direction, "name": "x", "content": text,
             "timestamp": Int(Timestamp.date(fromVendor: time)?.timeIntervalSince1970 ?? 0)]
        }
        let object: [String: Any] = ["profiles": [["thread": thread, "name": "Pat", "linkedin": "pat-\(thread)"]], "messages": list]
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try RawPage(runID: 1, source: "acme-weconnect", kind: "weconnect", endpoint: "ln/thread", method: "POST",
                    parameters: #"{"thread":"\#(thread)"}"#, httpStatus: 200, contentType: "application/json",
                    fetchedAt: fetchedAt, body: body, contentHash: thread).insert(db)
    }

    private func warehouse(_ directory: TemporaryDirectory) throws -> Warehouse {
        let warehouse = try Warehouse(url: directory.file("w.sqlite"))
        try warehouse.pool.write { db in
            try db.execute(sql: "INSERT INTO run (id, command, started_at) VALUES (1, 'test', '2026-03-01T00:00:00Z')")
            try RawPage(runID: 1, source: "acme-weconnect", kind: "weconnect", endpoint: "login", method: "POST", parameters: "{}",
                        httpStatus: 200, contentType: "application/json", fetchedAt: "2026-03-01T00:00:00Z",
                        body: Data(#"{"success":{"id":"u1","fullname":"Sam"}}"#.utf8), contentHash: "login").insert(db)
            // An auto-reply, then a follow-up, then the genuine (positive) answer.
            try land(db, thread: "t1", [("out", "2026-03-02T09:00:00Z", "Hi Pat"), ("in", "2026-03-02T09:05:00Z", "I am out of office"),
                                        ("out", "2026-03-04T09:00:00Z", "Any thoughts?"), ("in", "2026-03-04T10:00:00Z", "Yes, interested!")],
                     at: "2026-03-05T00:00:00Z")
            // Three messages, no answer.
            try land(db, thread: "t2", [("out", "2026-03-03T14:10:00Z", "Hi"), ("out", "2026-03-05T14:10:00Z", "Bump"),
                                        ("out", "2026-03-07T14:10:00Z", "Last try")], at: "2026-03-08T00:00:00Z")
            // A refusal to the first message, in summer time: 22:30 UTC on a Monday is 00:30 on Tuesday in Berlin.
            try land(db, thread: "t3", [("out", "2026-07-06T22:30:00Z", "Hello"), ("in", "2026-07-07T08:00:00Z", "NOT interested.")],
                     at: "2026-07-08T00:00:00Z")
            // Only an automatic answer.
            try land(db, thread: "t4", [("out", "2026-03-02T09:30:00Z", "Hi"), ("in", "2026-03-02T09:31:00Z", "On parental leave")],
                     at: "2026-03-05T00:00:00Z")
            // Opened by the prospect and never answered: not a conversation.
            try land(db, thread: "t5", [("in", "2026-03-02T11:00:00Z", "interested?")], at: "2026-03-05T00:00:00Z")
        }
        return warehouse
    }

    private func transform(_ warehouse: Warehouse, rules: String = Self.rules, rebuild: Bool = false) throws -> TransformSummary {
        try Transformer(warehouse: warehouse, replyRules: ReplyPhraseRules(data: Data(rules.utf8))).run(rebuild: rebuild)
    }

    /// Every row of `view`, each cell as plain text (NULL as "∅").
    private func rows(_ warehouse: Warehouse, _ view: String) throws -> [[String]] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(view)").map { row in
                row.databaseValues.map { value in value.isNull ? "∅" : String.fromDatabaseValue(value) ?? value.description }
            }
        }
    }

    @Test func repliesCarryTheirClassAndFollowUps() throws {
        let directory = try TemporaryDirectory("replies")
        defer { directory.remove() }
        let warehouse = try warehouse(directory)
        try transform(warehouse)
        #expect(try rows(warehouse, "report_replies") == [
            ["acme-weconnect", "u1", "t1", "2026-03-02T09:05:00Z", "positive", "1"],
            ["acme-weconnect", "u1", "t3", "2026-07-07T08:00:00Z", "negative", "0"],
            ["acme-weconnect", "u1", "t4", "2026-03-02T09:31:00Z", "auto_reply", "0"],
        ])
        // first_reply_at is the contract's, auto-replies included.
        let threads = try warehouse.pool.read { db in
            try String.fetchAll(db, sql: "SELECT thread_id || '=' || first_reply_at FROM report_threads WHERE first_reply_at IS NOT NULL ORDER BY 1")
        }
        #expect(threads == ["t1=2026-03-02T09:05:00Z", "t3=2026-07-07T08:00:00Z", "t4=2026-03-02T09:31:00Z"])
        let messages = try warehouse.pool.read { db in
            try String.fetchAll(db, sql: "SELECT COALESCE(m.reply_class, '-') FROM fact_message m JOIN fact_thread t USING (thread_key) WHERE thread_id = 't1' ORDER BY position")
        }
        #expect(messages == ["-", "auto_reply", "-", "positive"])
    }

    @Test func qualityAndStepsCountConversations() throws {
        let directory = try TemporaryDirectory("replies")
        defer { directory.remove() }
        let warehouse = try warehouse(directory)
        try transform(warehouse)
        #expect(try rows(warehouse, "report_reply_quality") == [
            ["acme-weconnect", "u1", "4", "3", "1", "2", "1", "1", "0", "0", "0.5", "0.25"],
        ])
        #expect(try rows(warehouse, "report_follow_up_steps") == [
            ["acme-weconnect", "u1", "1", "4", "1", "0.25"],
            ["acme-weconnect", "u1", "2", "2", "1", "0.5"],
            ["acme-weconnect", "u1", "3", "1", "0", "0.0"],
        ])
    }

    @Test func sendTimesAreLocalToTheReportZone() throws {
        let directory = try TemporaryDirectory("replies")
        defer { directory.remove() }
        let warehouse = try warehouse(directory)
        try transform(warehouse)
        // Without a zone installed the views read UTC.
        #expect(try rows(warehouse, "report_send_time") == [
            ["acme-weconnect", "1", "9", "2", "1"], ["acme-weconnect", "1", "22", "1", "1"], ["acme-weconnect", "2", "14", "1", "0"],
        ])
        try ReportZone.use(try #require(TimeZone(identifier: "Europe/Berlin")), in: warehouse)
        #expect(try rows(warehouse, "report_send_time") == [
            ["acme-weconnect", "1", "10", "2", "1"], ["acme-weconnect", "2", "0", "1", "1"], ["acme-weconnect", "2", "15", "1", "0"],
        ])
        try ReportZone.use(try #require(TimeZone(identifier: "America/New_York")), in: warehouse)
        // 2026-03-02 09:00 UTC is 04:00 EST; 2026-07-06 22:30 UTC is 18:30 EDT.
        #expect(try rows(warehouse, "report_send_time") == [
            ["acme-weconnect", "1", "4", "2", "1"], ["acme-weconnect", "1", "18", "1", "1"], ["acme-weconnect", "2", "9", "1", "0"],
        ])
    }

    @Test func changedRulesReclassifyAndRebuildAgrees() throws {
        let directory = try TemporaryDirectory("replies")
        defer { directory.remove() }
        let warehouse = try warehouse(directory)
        try transform(warehouse)
        let unchanged = try transform(warehouse)
        #expect(!unchanged.rebuilt)
        // "interested" now reads as a refusal: the next transform classes every message again.
        let stricter = Self.rules.replacingOccurrences(of: "[positive]\nen: interested", with: "[negative]\nen: interested")
        let summary = try transform(warehouse, rules: stricter)
        #expect(summary.reclassified)
        let incremental = try ReportingViews.replyViews.map { try rows(warehouse, $0) }
        #expect(incremental[0].first?[4] == "negative")
        try transform(warehouse, rules: stricter, rebuild: true)
        #expect(try ReportingViews.replyViews.map { try rows(warehouse, $0) } == incremental)
    }
}
