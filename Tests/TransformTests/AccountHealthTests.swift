import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Campaign steps, pending invitations and weekly load against the caps equal what the sandbox's generator knows.
@Suite struct AccountHealthTests {
    private func text(_ value: Int?) -> String { value.map { $0.databaseValue.description } ?? "∅" }

    private func rate(_ numerator: Int?, _ denominator: Int) -> String {
        guard let numerator, denominator > 0, numerator <= denominator else { return "∅" }
        return (Double(numerator) / Double(denominator)).databaseValue.description
    }

    /// The generator's steps of a campaign (the sandbox's `campaign_steps`): a profile visit first for the campaign
    /// types that make one, the invitation, then the follow-up message unless the campaign only connects.
    private func steps(of campaign: KonnectorCampaign) -> [(type: String, sent: Int, accepted: Int?, replied: Int?)] {
        var steps: [(type: String, sent: Int, accepted: Int?, replied: Int?)] = []
        if ["smart_campaign", "friend_request_follow_message"].contains(campaign.type) {
            steps.append(("profile_visit", campaign.requestsSent, nil, nil))
        }
        steps.append(("connection_request", campaign.requestsSent, campaign.requestsAccepted, nil))
        if campaign.type != "connector_campaign" {
            steps.append(("follow_up_message", campaign.messagesSent, nil, campaign.messagesReplied))
        }
        return steps
    }

    @Test func campaignStepsEqualTheGenerator() async throws {
        try await KonnectorFixture.with { fixture in
            #expect(try await fixture.runner().run().succeeded)
            let rows = try fixture.rows(of: "report_campaign_steps")
            let expected = fixture.dataset.campaigns.sorted { $0.id < $1.id }.flatMap { campaign in
                steps(of: campaign).enumerated().map { index, step in
                    ["acme-konnector", campaign.id].map { $0.databaseValue.description }
                        + [text(index + 1), step.type.databaseValue.description, text(step.sent), text(step.accepted), text(step.replied),
                           rate(step.accepted, step.sent), rate(step.replied, step.sent)]
                }
            }
            #expect(rows.count > 0)
            #expect(rows == expected)
        }
    }

    @Test func aWarehouseLoadedByOlderNormalisersGetsItsStepsFromThePagesItHas() async throws {
        try await KonnectorFixture.with { fixture in
            #expect(try await fixture.runner().run().succeeded)
            let steps = try fixture.rows(of: "report_campaign_steps")
            // As a warehouse loaded before campaign steps were read: no steps, the first load version.
            try await fixture.warehouse.pool.write { db in
                try db.execute(sql: "DELETE FROM fact_campaign_step")
                try WarehouseSetting.set(.loadVersion, to: "1", in: db)
                try ReportingViews.refresh(in: db)
            }
            #expect(try fixture.rows(of: "report_campaign_steps").isEmpty)
            let calls = await fixture.server.requests().count
            let summary = try fixture.runner().transform(fixture.warehouse, rebuild: false)
            #expect(summary.rebuilt && summary.reclassified)
            #expect(try fixture.rows(of: "report_campaign_steps") == steps)
            #expect(await fixture.server.requests().count == calls, "from the raw pages, with no call")
            #expect(!(try fixture.runner().transform(fixture.warehouse, rebuild: false)).rebuilt)
        }
    }

    @Test func weeklyLoadIsTheWeeksAgainstTheCapsAndFollowsTheConfiguration() async throws {
        try await KonnectorFixture.with { fixture in
            #expect(try await fixture.runner().run().succeeded)
            func load() throws -> [[String]] { try fixture.rows(of: "report_sender_weekly_load") }
            let weeks = try fixture.rows(of: "report_weekly")
            #expect(!weeks.isEmpty)
            let names = Dictionary(uniqueKeysWithValues: fixture.dataset.senders.map { ($0.id.databaseValue.description, $0.name) })
            // iso_week, source, sender_id, sender_name, invitations, messages, the caps, each share, over the cap.
            func expected(invitationCap: Int, messageCap: Int) -> [[String]] {
                weeks.map { week in
                    let invitations = Int(week[3]) ?? 0, messages = Int(week[6]) ?? 0
                    return Array(week[0...2]) + [names[week[2]].map { $0.databaseValue.description } ?? "∅", week[3], week[6],
                                                 text(invitationCap), text(messageCap),
                                                 (Double(invitations) / Double(invitationCap)).databaseValue.description,
                                                 (Double(messages) / Double(messageCap)).databaseValue.description,
                                                 invitations > invitationCap || messages > messageCap ? "1" : "0"]
                }
            }
            #expect(try load() == expected(invitationCap: ReportLimits.defaultInvitationCap, messageCap: ReportLimits.defaultMessageCap))
            #expect(try load().contains { $0.last == "1" } && load().contains { $0.last == "0" },
                    "the generator's senders are sometimes over the default caps and sometimes under")

            // A source's own caps replace the defaults at once: the stored views are computed again.
            var limits = ReportLimits()
            limits.weeklyMessageCap = 40
            limits.sourceCaps["acme-konnector"] = (invitations: 30, messages: nil)
            try limits.use(in: fixture.warehouse)
            #expect(try load() == expected(invitationCap: 30, messageCap: 40))
        }
    }

    @Test func periodFiguresAddUpTheGeneratorsDaysOfEachPeriod() async throws {
        try await KonnectorFixture.with { fixture in
            #expect(try await fixture.runner().run().succeeded)
            let rows = try fixture.rows(of: "report_kpi_periods")
            #expect(rows.map(\.first) == ["last_7_days", "last_30_days", "last_90_days", "all_time"].map { $0.databaseValue.description })
            let daily = try fixture.rows(of: "report_daily_activity")
            let campaigns = fixture.dataset.campaigns
            let lastDay = try #require(campaigns.flatMap { $0.days.map(\.date) }.max())
            let last = try #require(CivilDate(iso: lastDay))
            for (row, days) in zip(rows, [7, 30, 90]) {
                let after = last.adding(days: -days).iso
                let inPeriod = campaigns.flatMap(\.days).filter { $0.date > after && $0.date <= lastDay }
                // Days of a sender that no campaign row covers come from its dashboard series, as in report_daily_activity.
                let senderDays = daily.filter { $0[3] == "∅" && $0[0] > after.databaseValue.description }
                let sent = inPeriod.map(\.requestsSent).reduce(0, +) + senderDays.compactMap { Int($0[4]) }.reduce(0, +)
                let accepted = inPeriod.map(\.requestsAccepted).reduce(0, +) + senderDays.compactMap { Int($0[5]) }.reduce(0, +)
                #expect(row[1] == text(sent) && row[2] == text(accepted), "\(days) days: \(row)")
                #expect(row[3] == rate(accepted, sent), "\(days) days")
            }
            #expect(Array(rows[3].dropFirst()) == (try fixture.rows(of: "report_kpis")).first, "all time is report_kpis")
            #expect(rows[0][1] != rows[3][1], "the last week is not all of the generator's history")
        }
    }

    @Test func statusNamesTheSendersOverACapInTheLastCompleteWeek() async throws {
        try await KonnectorFixture.with { fixture in
            #expect(try await fixture.runner().run().succeeded)
            let over = try #require(try fixture.rows(of: "report_sender_weekly_load").last { $0.last == "1" })
            let week = over[0].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let monday = try await fixture.warehouse.pool.read { db in
                try String.fetchOne(db, sql: "SELECT MIN(date_key) FROM dim_date WHERE printf('%04d-W%02d', iso_year, iso_week) = ?",
                                    arguments: [week])
            }
            // A status taken in the week after: that week is its last complete one.
            let first = try #require(monday)
            let day = try #require(CivilDate(iso: first)).adding(days: 9)
            let now = Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 3_600)
            let status = try StatusReport.gather(configuration: fixture.runner().configuration, warehouse: fixture.warehouse, now: now).render()
            let section = try #require(status.components(separatedBy: "\nWeekly caps\n").last)
            #expect(section.contains("over a weekly cap in \(week), the last complete week"), "\(section)")
            let sender = over[3].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            #expect(section.contains(sender))
        }
    }

    @Test func theConfigurationReadsTheCapsAndTheWarning() throws {
        let configuration = try PipelineConfiguration.parse("""
            [reports]
            weekly_invitation_cap = 80
            pending_warning = 250

            [[sources]]
            name = "a"
            kind = "konnector"
            base_url = "http://127.0.0.1:1"
            api_key_env = "KEY"
            weekly_message_cap = 300
            """, baseDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(configuration.reportLimits.weeklyInvitationCap == 80)
        #expect(configuration.reportLimits.weeklyMessageCap == ReportLimits.defaultMessageCap)
        #expect(configuration.reportLimits.pendingWarning == 250)
        #expect(configuration.reportLimits.sourceCaps["a"]?.messages == 300)
        #expect(configuration.reportLimits.sourceCaps["a"]?.invitations == nil)
        #expect(throws: ConfigurationError.self) {
            try PipelineConfiguration.parse("[reports]\nweekly_invitation_cap = 0\n", baseDirectory: URL(fileURLWithPath: "/tmp"))
        }
    }

    @Test func pendingInvitationsEqualTheGeneratorWithTheirAges() async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource()
            try fixture.trackLinkedAPI(source)
            #expect(try await fixture.extract([source]).map(\.status) == [.ok])
            let latest = try await fixture.warehouse.pool.read { db in
                try String.fetchOne(db, sql: """
                    SELECT MAX(COALESCE(i.checked_at, r.fetched_at)) FROM fact_invitation i LEFT JOIN raw_page r ON r.id = i.raw_page_id
                    """)
            }
            let asOf = try #require(latest)
            let seen = try #require(ISOInstant(asOf)).epochSeconds
            let pending = fixture.server.linkedAPI.invitations.filter { ($0.acceptedAt == nil || $0.acceptsLive) && !$0.withdrawn }
            func older(than days: Int) -> Int { pending.filter { Double(seen - $0.sentAt) > Double(days) * 86_400 }.count }
            let rows = try fixture.warehouse.rows(of: "report_pending_invitations").filter { $0[0] == VendorFixture.linkedAPIName.databaseValue.description }
            #expect(rows.count == 1)
            #expect(rows.first.map { Array($0[3...6]) } == [pending.count, older(than: 14), older(than: 21), older(than: 30)].map(text))
            #expect(pending.count > older(than: 14) && older(than: 14) > 0, "the generator's pending invitations have several ages")

            // Past the configured backlog, a warning says so and what to do.
            var limits = ReportLimits()
            limits.pendingWarning = pending.count - 1
            try limits.use(in: fixture.warehouse)
            let warnings = try fixture.warehouse.rows(of: "report_quality_warnings").filter { $0[4] == "pending_backlog".databaseValue.description }
            #expect(warnings.count == 1)
            #expect(warnings.first?[5].contains("withdrawing the oldest pending invitations") == true)
        }
    }
}
