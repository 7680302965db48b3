import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Every view figure equals what the sandbox's generator knows to be true.
@Suite struct KonnectorTruthTests {
    private func rate(_ numerator: Int, _ denominator: Int) -> String {
        denominator > 0 && numerator <= denominator ? (Double(numerator) / Double(denominator)).databaseValue.description : "∅"
    }

    @Test func campaignSummaryEqualsTheGenerator() async throws {
        try await KonnectorFixture.with { fixture in
            let result = try await fixture.runner().run()
            #expect(result.succeeded)
            let rows = try fixture.rows(of: "report_campaign_summary")
            let dataset = fixture.dataset
            #expect(rows.count == dataset.campaigns.count)
            for campaign in dataset.campaigns {
                let row = try #require(rows.first { $0[1] == campaign.id.databaseValue.description })
                #expect(row == ["acme-konnector", campaign.id, campaign.name, campaign.type, campaign.status, campaign.senderID]
                    .map { $0.databaseValue.description }
                    + [campaign.memberCount, campaign.requestsSent, campaign.requestsAccepted].map { $0.databaseValue.description }
                    + [rate(campaign.requestsAccepted, campaign.requestsSent)]
                    + [campaign.messagesSent, campaign.messagesReplied].map { $0.databaseValue.description }
                    + [rate(campaign.messagesReplied, campaign.messagesSent)])
            }
        }
    }

    @Test func senderSummaryEqualsTheGenerator() async throws {
        try await KonnectorFixture.with { fixture in
            _ = try await fixture.runner().run()
            let rows = try fixture.rows(of: "report_sender_summary")
            let dataset = fixture.dataset
            #expect(rows.count == dataset.senders.count)
            for sender in dataset.senders {
                let campaigns = dataset.campaigns(ofSender: sender.id)
                let sent = campaigns.map(\.requestsSent).reduce(0, +)
                let accepted = campaigns.map(\.requestsAccepted).reduce(0, +)
                let messages = campaigns.map(\.messagesSent).reduce(0, +)
                let replied = campaigns.map(\.messagesReplied).reduce(0, +)
                let row = try #require(rows.first { $0[1] == sender.id.databaseValue.description })
                #expect(row == ["acme-konnector", sender.id, sender.name].map { $0.databaseValue.description }
                    + [sent, accepted].map { $0.databaseValue.description } + [rate(accepted, sent)]
                    + [messages, replied].map { $0.databaseValue.description } + [rate(replied, messages)])
            }
        }
    }

    @Test func dailyActivityEqualsTheGeneratorsDays() async throws {
        try await KonnectorFixture.with { fixture in
            _ = try await fixture.runner().run()
            let rows = try fixture.rows(of: "report_daily_activity")
            let campaignRows = rows.filter { $0[3] != "∅" }
            // A `let`: a `var` read by `#expect` inside this closure crashes Swift 6.3 (its SendNonSendable pass).
            let expected = fixture.dataset.campaigns.flatMap { campaign in
                campaign.days.map { day in
                    [day.date, "acme-konnector", campaign.senderID, campaign.id].map { $0.databaseValue.description }
                        + [day.requestsSent, day.requestsAccepted, day.messagesSent, day.messagesReplied].map { $0.databaseValue.description }
                }
            }
            #expect(campaignRows.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
            // Sender rows only fill days that no campaign row of that sender covers, so nothing is counted twice.
            let senderRows = rows.filter { $0[3] == "∅" }
            let covered = Set(campaignRows.map { [$0[0], $0[2]] })
            #expect(senderRows.allSatisfy { !covered.contains([$0[0], $0[2]]) })
        }
    }

    @Test func kpisAddUpTheSenders() async throws {
        try await KonnectorFixture.with { fixture in
            _ = try await fixture.runner().run()
            let campaigns = fixture.dataset.campaigns
            let sent = campaigns.map(\.requestsSent).reduce(0, +)
            let accepted = campaigns.map(\.requestsAccepted).reduce(0, +)
            let kpis = try #require(try fixture.rows(of: "report_kpis").first)
            #expect(kpis[0] == sent.databaseValue.description)
            #expect(kpis[1] == accepted.databaseValue.description)
            #expect(kpis[2] == rate(accepted, sent))
        }
    }

    @Test func theSandboxsOwnPercentagesReconcile() async throws {
        try await KonnectorFixture.with { fixture in
            _ = try await fixture.runner().run()
            let warnings = try fixture.rows(of: "report_quality_warnings")
            #expect(warnings.filter { $0[4].contains("mismatch") || $0[4].contains("exceeds") }.isEmpty, "\(warnings)")
        }
    }
}
