import Foundation
import TestSupport
import Testing
@testable import Transform
import Warehouse

/// The Konnector normaliser on hand-written raw pages: history, tolerance and time zones.
@Suite struct KonnectorNormaliserTests {
    private func warehouse() throws -> (Warehouse, TemporaryDirectory) {
        let directory = try TemporaryDirectory("normaliser")
        return (try Warehouse(url: directory.file("w.sqlite")), directory)
    }

    private func land(_ warehouse: Warehouse, endpoint: String, parameters: String = "{}", fetchedAt: String,
                      status: Int = 200, body: String) throws {
        try warehouse.pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO run (id, command, started_at) VALUES (1, 'test', ?)", arguments: [fetchedAt])
            try RawPage(runID: 1, source: "k", kind: "konnector", endpoint: endpoint, method: "GET", parameters: parameters,
                        httpStatus: status, contentType: "application/json", fetchedAt: fetchedAt, body: Data(body.utf8),
                        contentHash: "-").insert(db)
        }
    }

    private func campaignInfo(name: String, status: String, sent: Int) -> String {
        """
        {"code":200,"status":true,"data":{"campaign_info":[{"linkedin_campaign_routine":{"id":"c1","campaign_name":"\(name)",
        "campaign_status":"\(status)","campaign_type":"smart_campaign","created_at":"2025-05-08T10:15:30+05:30"},
        "member_count":10,"friend_request_count":\(sent),"friend_accept_count":2,"connection_percentage":50.0,
        "message_sent_count":0,"message_replied_count":0,"response_rate":0,"unknown_field":{"x":1},
        "linkedin_user":{"name":"Ann","linkedin_user_information_id":"u1","email":"a@x","status":"active"}}]}}
        """
    }

    @Test func keepsCampaignHistoryWhenNameOrStatusChanges() throws {
        let (warehouse, directory) = try warehouse()
        defer { directory.remove() }
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-10T00:00:00.000Z", body: campaignInfo(name: "Q2", status: "active", sent: 4))
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-11T00:00:00.000Z", body: campaignInfo(name: "Q2", status: "active", sent: 4))
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-12T00:00:00.000Z", body: campaignInfo(name: #"Q2 \"final\""#, status: "completed", sent: 6))
        try Transformer(warehouse: warehouse).run()
        let versions = try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, campaign_status, valid_from, valid_to, created_at FROM dim_campaign_version ORDER BY valid_from")
        }
        #expect(versions.count == 2)
        #expect(versions.first?["name"] == "Q2")
        #expect(versions.first?["valid_to"] == "2025-05-12T00:00:00.000Z")
        #expect(versions.first?["created_at"] == "2025-05-08T04:45:30Z")
        #expect(versions.last?["name"] == "Q2 \"final\"")
        #expect(versions.last?["valid_to"] == nil as String?)
        let summary = try warehouse.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT campaign_name, campaign_status, requests_sent, acceptance_rate FROM report_campaign_summary")
        }
        #expect(summary?["campaign_name"] == "Q2 \"final\"")
        #expect(summary?["campaign_status"] == "completed")
        #expect(summary?["requests_sent"] == 6)
        #expect(summary?["acceptance_rate"] == 2.0 / 6.0)
        let snapshots = try warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_campaign_snapshot") }
        #expect(snapshots == 2, "the counters' history: a fetch that saw the same counters adds no row")
    }

    /// One campaign's days as `campaign-info`'s `daily_stats` and as `optimized_routine_data`'s two series.
    private static let days = [("2025-05-08", 3, 1, 2, 0), ("2025-05-09", 4, 2, 1, 1), ("2025-05-10", 0, 0, 0, 0)]
    private static let listingWithDays = """
        {"code":200,"status":true,"data":{"campaign_info":[{"linkedin_campaign_routine":{"id":"c1","campaign_name":"Q2",
        "campaign_status":"active","campaign_type":"smart_campaign","created_at":"2025-05-08T10:15:30Z"},
        "member_count":10,"friend_request_count":7,"friend_accept_count":3,"message_sent_count":3,"message_replied_count":1,
        "linkedin_user":{"name":"Ann","linkedin_user_information_id":"u1","email":"a@x","status":"active"},"daily_stats":[
        """ + days.map { #"{"date":"\#($0.0)","connections":{"sent":\#($0.1),"accepted":\#($0.2)},"messages":{"sent":\#($0.3),"replied":\#($0.4)}}"# }
            .joined(separator: ",") + "]}]}}"
    private static let routineWithDays = """
        {"code":200,"status":true,"data":{"campaign_details":{"id":"c1","name":"Q2","campaign_type":"smart_campaign",
        "campaign_status":"active","created_at":"2025-05-08T10:15:30Z"},"performance_metrics":{"member_count":10,
        "connection_metrics":{"friend_request_count":7,"friend_accept_count":3,"daily_metrics":[
        """ + days.map { #"{"date":"\#($0.0)","requests_sent":\#($0.1),"requests_accepted":\#($0.2)}"# }.joined(separator: ",")
        + #"]},"message_metrics":{"message_sent_count":3,"message_replied_count":1,"daily_metrics":["#
        + days.map { #"{"date":"\#($0.0)","sent":\#($0.3),"replied":\#($0.4)}"# }.joined(separator: ",")
        + #"]}},"linkedin_user":{"name":"Ann","linkedin_user_information_id":"u1","email":"a@x"}}}"#

    private func dailyFacts(_ warehouse: Warehouse) throws -> [[String]] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.campaign_id, f.date_key, f.members_added, f.requests_sent, f.requests_accepted, f.messages_sent, f.messages_replied
                FROM fact_campaign_daily f JOIN dim_campaign c USING (campaign_key) ORDER BY 1, 2
                """).map { row in row.databaseValues.map(\.description) }
        }
    }

    @Test func aDayGivesTheSameFactRowWhicheverEndpointBroughtIt() throws {
        var facts: [[[String]]] = []
        for pages in [[("campaign-info", Self.listingWithDays)], [("optimized_routine_data", Self.routineWithDays)],
                      [("optimized_routine_data", Self.routineWithDays), ("campaign-info", Self.listingWithDays)],
                      [("campaign-info", Self.listingWithDays), ("optimized_routine_data", Self.routineWithDays)]] {
            let (warehouse, directory) = try warehouse()
            defer { directory.remove() }
            for (index, page) in pages.enumerated() {
                try land(warehouse, endpoint: page.0, parameters: page.0 == "campaign-info" ? "{}" : #"{"linkedin_campaign_routine_id":"c1"}"#,
                         fetchedAt: "2025-05-11T00:00:0\(index).000Z", body: page.1)
            }
            try Transformer(warehouse: warehouse).run()
            let loaded = try dailyFacts(warehouse)
            try Transformer(warehouse: warehouse).run(rebuild: true)
            #expect(try dailyFacts(warehouse) == loaded, "a rebuild gives the same rows")
            facts.append(loaded)
        }
        #expect(facts[0].count == Self.days.count)
        #expect(facts[0].map { Array($0.suffix(4)) } == Self.days.map { ["\($0.1)", "\($0.2)", "\($0.3)", "\($0.4)"] })
        #expect(facts.allSatisfy { $0 == facts[0] }, "\(facts)")
    }

    @Test func acceptsEveryDailyRowShapeSeenInTheVendorsMaterial() {
        // Each row as the load reads it: the one row of a series, straight from the bytes.
        let decode = { (json: String, series: KonnectorDailyRow.Series) in
            (try? JSONReader.read(Data("[\(json)]".utf8)) { (reader: inout JSONReader) throws(JSONValue.ParseError) in
                try KonnectorDailyRow.readSeries(&reader, series: series)
            })?.first
        }
        #expect(decode(#"{"date":"2025-05-01","count_data":25}"#, .requests)?.counts == DailyCounts(requestsSent: 25))
        #expect(decode(#"{"date":"2025-05-01","count_data":25}"#, .members)?.counts == DailyCounts(membersAdded: 25))
        #expect(decode(#"{"date":"2025-05-01","sent":5,"replied":2}"#, .messages)?.counts == DailyCounts(messagesSent: 5, messagesReplied: 2))
        #expect(decode(#"{"date":"2025-05-01","connections":{"sent":5,"accepted":3},"messages":{"sent":4,"replied":1}}"#, .mixed)?.counts
                == DailyCounts(requestsSent: 5, requestsAccepted: 3, messagesSent: 4, messagesReplied: 1))
        #expect(decode(#"{"date":"2025-05-01","requests_sent":"7","requests_accepted":2,"extra":[1]}"#, .connections)?.counts
                == DailyCounts(requestsSent: 7, requestsAccepted: 2))
        #expect(decode(#"{"date":"2025-05-02T00:00:00+05:30","count_data":1}"#, .accepts)?.day == "2025-05-02", "a bucket keeps the day the vendor wrote")
        #expect(decode(#"{"date":"2025-05-01","sent":5,"replied":2}"#, .mixed)?.counts == DailyCounts(messagesSent: 5, messagesReplied: 2))
        #expect(decode(#"{"date":"2025-05-01","count_data":4}"#, .messages)?.counts == DailyCounts(messagesSent: 4))
        #expect(decode(#"{"date":"2025-05-01","requests_sent":-3,"requests_accepted":"2.0"}"#, .mixed)?.counts == DailyCounts(requestsAccepted: 2))
        #expect(decode(#"{"date":"4 days ago","count_data":1}"#, .accepts) == nil)
        #expect(decode(#"{"count_data":1}"#, .accepts) == nil)
        #expect(decode(#"{"date":"2025-05-01"}"#, .accepts) == nil)
    }

    @Test func skipsErrorPagesAndBrokenBodiesWithoutLosingTheRest() throws {
        let (warehouse, directory) = try warehouse()
        defer { directory.remove() }
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-10T00:00:00.000Z", body: campaignInfo(name: "Q2", status: "active", sent: 4))
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-11T00:00:00.000Z", status: 500, body: "oops")
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-11T00:00:01.000Z", body: "{\"data\": [truncated")
        let summary = try Transformer(warehouse: warehouse).run()
        #expect(summary.pagesLoaded == 1)
        #expect(summary.pagesSkipped == 2)
        #expect(summary.problems.count == 1)
        #expect(summary.problems.first?.hasPrefix("k: campaign-info: raw page 3 skipped") == true)
        let count = try warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_campaign_summary") }
        #expect(count == 1)
    }

    @Test func flagsBrokenCountsAndRatesThatDisagreeWithThem() throws {
        let (warehouse, directory) = try warehouse()
        defer { directory.remove() }
        // 2 accepted of 1 sent breaks a rule; the vendor's 50% disagrees with 2/1.
        try land(warehouse, endpoint: "campaign-info", fetchedAt: "2025-05-10T00:00:00.000Z", body: campaignInfo(name: "Q2", status: "active", sent: 1))
        try Transformer(warehouse: warehouse).run()
        let checks = try warehouse.pool.read { db in
            try String.fetchAll(db, sql: "SELECT check_name FROM report_quality_warnings")
        }
        #expect(checks.contains("accepted_exceeds_sent"))
        #expect(checks.contains("acceptance_rate_mismatch"))
        let rate = try warehouse.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT acceptance_rate FROM report_campaign_summary")?["acceptance_rate"] as Double?
        }
        #expect(rate == nil, "a rate over 1 is never reported")
    }
}

/// Shapes a real vendor may send that the sandbox does not.
@Suite struct NormaliserVariationTests {
    private func load(_ endpoint: String, kind: String = "konnector", parameters: String = "{}", body: String) throws -> (Warehouse, TemporaryDirectory) {
        let directory = try TemporaryDirectory("variation")
        let warehouse = try Warehouse(url: directory.file("w.sqlite"))
        try warehouse.pool.write { db in
            try db.execute(sql: "INSERT INTO run (id, command, started_at) VALUES (1, 'test', '2025-05-10T00:00:00Z')")
            try RawPage(runID: 1, source: "s", kind: kind, endpoint: endpoint, method: "GET", parameters: parameters, httpStatus: 200,
                        contentType: "application/json", fetchedAt: "2025-05-10T00:00:00.000Z", body: Data(body.utf8),
                        contentHash: "-").insert(db)
        }
        try Transformer(warehouse: warehouse).run()
        return (warehouse, directory)
    }

    @Test func aCampaignListedTwiceOnOnePageDoesNotBreakTheLoad() throws {
        let entry = { (sender: String, status: String) in
            """
            {"linkedin_campaign_routine":{"id":"c1","campaign_name":"Shared","campaign_status":"\(status)","campaign_type":"shared_campaign"},
             "friend_request_count":4,"friend_accept_count":1,"linkedin_user":{"linkedin_user_information_id":"\(sender)","name":"\(sender)"}}
            """
        }
        let (warehouse, directory) = try load("campaign-info", body: #"{"data":{"campaign_info":["# + entry("u1", "active") + "," + entry("u2", "paused") + "]}}")
        defer { directory.remove() }
        let versions = try warehouse.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM dim_campaign_version") }
        #expect(versions.count == 1)
        #expect(versions.first?["campaign_status"] == "paused")
        #expect(try warehouse.rows(of: "report_campaign_summary").count == 1)
    }

    @Test func threadDirectionsTiesAndUnknownTypes() throws {
        // Newest first, as the document lists them: the reply shares the outbound message's second.
        let body = """
            {"profiles":[{"name":"Ann","linkedin":"https://www.LinkedIn.com/in/Ann-Lee/?trk=x"}],"messages":[
              {"type":"in","content":"Yes","timestamp":1709812569},
              {"type":"out","content":"Hi","timestamp":1709812569},
              {"type":"system","content":"You are now connected","timestamp":1709800000}]}
            """
        let (warehouse, directory) = try load("ln/thread", kind: "weconnect", parameters: #"{"thread":"t1"}"#, body: body)
        defer { directory.remove() }
        let row = try #require(try warehouse.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM report_threads") })
        #expect(row["messages_in"] == 1)
        #expect(row["messages_out"] == 1, "an unknown type is neither")
        #expect(row["first_outbound_at"] == "2024-03-07T11:56:09Z")
        #expect(row["first_reply_at"] == "2024-03-07T11:56:09Z", "a reply in the same second still follows the message")
        #expect(row["replied"] == 1)
        #expect(row["prospect_profile"] == "https://www.linkedin.com/in/ann-lee")
    }
}
