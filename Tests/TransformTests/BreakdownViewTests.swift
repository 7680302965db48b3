import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// The report's breakdowns (ISO week, campaign type, funnel, week-over-week, cohorts) agree with
/// the figures they break down and with the generator.
@Suite struct BreakdownViewTests {
    @Test func campaignTypesAndFunnelAddUpToTheGenerator() async throws {
        try await KonnectorFixture.with { fixture in
            _ = try await fixture.runner().run()
            let types = try fixture.warehouse.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_campaign_type_summary") }
            for (type, campaigns) in Dictionary(grouping: fixture.dataset.campaigns, by: \.type) {
                let row = try #require(types.first { ($0["campaign_type"] as String) == type })
                #expect(row["campaigns"] == campaigns.count)
                #expect(row["requests_sent"] == campaigns.map(\.requestsSent).reduce(0, +))
                #expect(row["messages_replied"] == campaigns.map(\.messagesReplied).reduce(0, +))
            }
            let funnel = try fixture.warehouse.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_funnel") }
            #expect(funnel.count == fixture.dataset.campaigns.count)
            for campaign in fixture.dataset.campaigns {
                let row = try #require(funnel.first { ($0["campaign_id"] as String) == campaign.id })
                let seen: [Int?] = ["members", "requests_sent", "requests_accepted", "messages_sent", "messages_replied"].map { row[$0] }
                let truth: [Int?] = [campaign.memberCount, campaign.requestsSent, campaign.requestsAccepted, campaign.messagesSent,
                                     campaign.messagesReplied]
                #expect(seen == truth)
            }
        }
    }

    @Test func weeksAndWeekOverWeekAgreeWithTheDailyRows() async throws {
        try await KonnectorFixture.with { fixture in
            _ = try await fixture.runner().run()
            let (daily, weekly, changes) = try fixture.warehouse.pool.read { db in
                (try Row.fetchAll(db, sql: "SELECT date, requests_sent, requests_accepted FROM report_daily_activity"),
                 try Row.fetchAll(db, sql: "SELECT * FROM report_weekly"),
                 try Row.fetchAll(db, sql: "SELECT * FROM report_kpi_changes"))
            }
            let weeklySent = weekly.map { $0["requests_sent"] as Int }.reduce(0, +)
            let dailySent = daily.map { $0["requests_sent"] as Int }.reduce(0, +)
            #expect(weeklySent == dailySent)
            // The generator's data ends on Friday 2026-11-20: the last complete week is 2026-11-09..15.
            func sum(_ from: String, _ to: String) -> Int {
                var total = 0
                for row in daily {
                    let date: String = row["date"]
                    if date >= from && date <= to { total += row["requests_sent"] as Int }
                }
                return total
            }
            let sent = try #require(changes.first { ($0["figure"] as String) == "requests_sent" })
            #expect(sent["this_week"] == sum("2026-11-09", "2026-11-15"))
            #expect(sent["last_week"] == sum("2026-11-02", "2026-11-08"))
            #expect(sent["change"] == sum("2026-11-09", "2026-11-15") - sum("2026-11-02", "2026-11-08"))
            let figures: [String] = changes.map { $0["figure"] }
            #expect(figures == ["requests_sent", "requests_accepted", "acceptance_rate", "messages_sent", "messages_replied", "response_rate",
                                "genuine_response_rate", "positive_reply_rate"])
        }
    }

    @Test func anAcceptanceAnswersOnlyTheLatestInvitationSentBeforeIt() throws {
        let directory = try TemporaryDirectory("acceptance")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("w.sqlite"))
        try warehouse.pool.write { db in
            try db.execute(sql: """
                INSERT INTO dim_source (source_key, name, kind) VALUES (1, 'api', 'linkedapi');
                INSERT INTO dim_prospect (prospect_key, public_id) VALUES (7, 'ada'), (8, 'bob'), (9, 'carol');
                INSERT INTO fact_invitation (source_key, invitation_id, sender_key, prospect_key, sent_at, status, raw_page_id) VALUES
                    (1, 'first', NULL, 7, '2026-11-01T10:00:00Z', 'declined', 1),
                    (1, 'again', NULL, 7, '2026-11-05T10:00:00Z', 'pending', 1),
                    (1, 'later', NULL, 7, '2026-11-20T10:00:00Z', 'pending', 1),
                    (1, 'bob', NULL, 8, '2026-11-02T10:00:00Z', 'pending', 1),
                    (1, 'carol', NULL, 9, '2026-11-10T10:00:00Z', 'pending', 1);
                INSERT INTO fact_connection_accepted (source_key, prospect_key, detected_at, raw_page_id) VALUES
                    (1, 7, '2026-11-06T08:00:00Z', 2), (1, 8, NULL, 3), (1, 9, '2026-11-08T08:00:00Z', 4);
                """)
        }
        let outcomes = try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT invitation_id, status, accepted_at FROM invitation_outcome ORDER BY invitation_id")
                .map { "\($0["invitation_id"] as String) \($0["status"] as String) \(($0["accepted_at"] as String?) ?? "-")" }
        }
        // carol's invitation was tracked after she accepted (its time is when it was tracked): her
        // only invitation takes the acceptance.
        #expect(outcomes == ["again accepted 2026-11-06T08:00:00Z", "bob accepted -", "carol accepted 2026-11-08T08:00:00Z",
                             "first declined -", "later pending -"])
    }

    @Test func cohortsCountPendingInvitationsAsNotAcceptedAndShowThem() throws {
        let directory = try TemporaryDirectory("cohort")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("w.sqlite"))
        try warehouse.pool.write { db in
            try db.execute(sql: """
                INSERT INTO dim_source (source_key, name, kind) VALUES (1, 'api', 'linkedapi');
                INSERT INTO dim_date VALUES ('2026-11-02', 2026, 11, 2, 2026, 45, 1), ('2026-11-04', 2026, 11, 4, 2026, 45, 3),
                                            ('2026-11-09', 2026, 11, 9, 2026, 46, 1);
                INSERT INTO fact_invitation (source_key, invitation_id, sender_key, prospect_key, sent_at, accepted_at, status, raw_page_id)
                VALUES
                    (1, 'a', NULL, NULL, '2026-11-02T10:00:00Z', '2026-11-03T09:00:00Z', 'accepted', 1),
                    (1, 'b', NULL, NULL, '2026-11-04T10:00:00Z', NULL, 'pending', 1),
                    (1, 'c', NULL, NULL, '2026-11-04T11:00:00Z', NULL, 'declined', 1),
                    (1, 'd', NULL, NULL, '2026-11-09T10:00:00Z', '2026-11-09T12:00:00Z', 'accepted', 1);
                """)
            try ReportingViews.refresh(in: db)
        }
        let rows = try warehouse.rows(of: "report_cohort_acceptance")
        #expect(rows == [["\"api\"", "\"2026-W45\"", "3", "1", "1", (1.0 / 3.0).databaseValue.description],
                         ["\"api\"", "\"2026-W46\"", "1", "1", "0", "1.0"]])
    }
}
