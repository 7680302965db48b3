import Foundation
import Testing
import Sandbox

@Suite struct KonnectorGeneratorTests {
    @Test func sameInputsGiveSameBytes() throws {
        let first = KonnectorGenerator().make()
        let second = KonnectorGenerator().make()
        #expect(first == second)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(first) == encoder.encode(second))
        let other = KonnectorGenerator(seed: 8).make()
        #expect(other.campaigns.map(\.id) != first.campaigns.map(\.id))
    }

    @Test func scaleMultipliesSendersAndCampaigns() {
        let one = KonnectorGenerator(scale: 1).make()
        let three = KonnectorGenerator(scale: 3).make()
        #expect(one.senders.count == 4)
        #expect(one.campaigns.count == 12)
        #expect(three.senders.count == 12)
        #expect(three.campaigns.count == 36)
        #expect(Array(three.campaigns.prefix(12)) == one.campaigns)
        #expect(Set(three.campaigns.map(\.id)).count == 36)
        #expect(Set(three.senders.map(\.id)).count == 12)
    }

    @Test func windowEndsAtEndDate() {
        let dataset = KonnectorGenerator(endDate: "2025-03-01", days: 30).make()
        #expect(dataset.endDate == "2025-03-01")
        #expect(dataset.startDate == "2025-01-31")
        for campaign in dataset.campaigns {
            for day in campaign.days {
                #expect(day.date >= dataset.startDate && day.date <= dataset.endDate)
            }
        }
        #expect(dataset.campaigns.contains { $0.days.last?.date == "2025-03-01" })
    }

    @Test func dailyFiguresKeepTheirInvariants() {
        let dataset = KonnectorGenerator(scale: 2).make()
        for campaign in dataset.campaigns {
            var members = 0, sent = 0, accepted = 0, messages = 0, replies = 0
            var previous: Date?
            for day in campaign.days {
                members += day.membersAdded
                sent += day.requestsSent
                accepted += day.requestsAccepted
                messages += day.messagesSent
                replies += day.messagesReplied
                #expect(accepted <= sent, "\(campaign.name) \(day.date)")
                #expect(replies <= messages, "\(campaign.name) \(day.date)")
                #expect(sent <= members)
                #expect([day.membersAdded, day.requestsSent, day.requestsAccepted, day.messagesSent,
                         day.messagesReplied].allSatisfy { $0 >= 0 })
                let date = Self.date(day.date)
                if let previous, let date {
                    #expect(date.timeIntervalSince(previous) == 86_400, "gap in \(campaign.name)")
                }
                previous = date
            }
            #expect(campaign.memberCount == members)
            #expect(campaign.requestsSent == sent)
            #expect(campaign.connectionPercentage == KonnectorRates.percent(accepted, of: sent))
            #expect(campaign.responseRate == KonnectorRates.percent(replies, of: messages))
            if sent > 0 {
                #expect(abs(campaign.connectionPercentage - Double(accepted) / Double(sent) * 100) <= 0.005)
            }
        }
    }

    @Test func edgeCasesArePresent() {
        let dataset = KonnectorGenerator().make()
        let drafts = dataset.campaigns.filter { $0.status == "draft" }
        #expect(!drafts.isEmpty)
        #expect(drafts.contains { $0.days.isEmpty && $0.requestsSent == 0 && $0.messagesSent == 0 && $0.memberCount == 0 })
        #expect(drafts.allSatisfy { $0.connectionPercentage == 0 && $0.responseRate == 0 })
        #expect(dataset.senders.contains { sender in !dataset.campaigns.contains { $0.senderID == sender.id } })
        #expect(Set(dataset.campaigns.map(\.status)) == ["active", "inactive", "completed", "draft"])
        #expect(Set(dataset.campaigns.map(\.type)) == [
            "friend_request_follow_message", "connector_campaign", "friend_campaign", "smart_campaign",
            "shared_campaign",
        ])
        // Zero days exist inside series (weekends), so consumers cannot assume activity every day.
        #expect(dataset.campaigns.contains { $0.days.contains { $0.requestsSent == 0 } })
    }

    @Test func idsLookEncryptedAndNeedEscaping() {
        let dataset = KonnectorGenerator().make()
        let ids = dataset.senders.map(\.id) + dataset.campaigns.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { Data(base64Encoded: $0) != nil })
        #expect(ids.contains { $0.contains("+") })
        #expect(ids.contains { $0.contains("/") })
        #expect(ids.contains { $0.contains("=") })
        #expect(dataset.senders.contains { $0.id.contains("+") })
        #expect(dataset.senders.contains { $0.id.contains("/") })
    }

    @Test func namesAndTimestampsAreHostile() {
        let dataset = KonnectorGenerator().make()
        let names = dataset.senders.map(\.name) + dataset.campaigns.map(\.name)
        #expect(names.contains { $0.contains("\"") })
        #expect(names.contains { $0.contains(",") })
        #expect(names.contains { $0.contains("\n") })
        #expect(names.contains { $0.contains("<script>alert(1)</script>") })
        #expect(names.contains { $0.hasPrefix("=") })
        #expect(names.contains { $0.hasPrefix("+") || $0.hasPrefix("-") || $0.hasPrefix("@") })
        #expect(names.contains("Zoë Ångström"))
        #expect(names.contains { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        let stamps = dataset.campaigns.map(\.createdAt)
        #expect(stamps.contains { $0.hasSuffix("Z") })
        #expect(stamps.contains { $0.hasSuffix("+05:30") })
    }

    static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
