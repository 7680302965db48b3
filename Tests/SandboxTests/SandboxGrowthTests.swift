import Foundation
import Sandbox
import Testing

/// The bench's large accounts (`SandboxGrowth.largeAccount`) grow every vendor's blocks, and
/// leave the standard blocks the demo and the tests rely on as they were.
@Suite struct SandboxGrowthTests {
    @Test func growingOneVendorLeavesTheOthersAsTheyWere() {
        let konnectorOnly = SandboxGrowth(konnectorCampaignsPerBlock: 40)
        #expect(WeConnectGenerator(scale: 2, growth: konnectorOnly).make() == WeConnectGenerator(scale: 2).make())
        #expect(LinkedAPIGenerator(scale: 2, invitationsPerBlock: 60).make() == LinkedAPIGenerator(scale: 2).make())
        #expect(KonnectorGenerator(scale: 2, campaignsPerBlock: 12).make() == KonnectorGenerator(scale: 2).make())
    }

    @Test func largeWeConnectBlocksHaveTheirOwnProspectsAndTenMessagesAThread() throws {
        let growth = SandboxGrowth.largeAccount
        let data = WeConnectGenerator(scale: 2, endDate: "2026-11-20", days: 365, growth: growth).make()
        #expect(data == WeConnectGenerator(scale: 2, endDate: "2026-11-20", days: 365, growth: growth).make())
        #expect(data.users.count == 4)
        for user in data.users {
            #expect(data.threads(ofUser: user.id).count == growth.weConnectThreadsPerUser)
        }
        #expect(data.threads.allSatisfy { $0.messages.count == growth.weConnectMessagesPerThread })
        #expect(data.threads.allSatisfy { zip($0.messages, $0.messages.dropFirst()).allSatisfy { $0.epoch <= $1.epoch } })
        #expect(Set(data.threads.map(\.id)).count == data.threads.count)
        // Every block talks to people of its own, each with a slug of their own past the pool's 192
        // (block 0 keeps the pool's people, a few of whom share a slug once it is lower-cased).
        func slugs(_ threads: [WeConnectThread]) -> Set<String> {
            Set(threads.map { ($0.profile.linkedin.removingPercentEncoding ?? $0.profile.linkedin).lowercased() })
        }
        let blocks = Dictionary(grouping: data.threads) { ($0.userID - 75) / 2 }
        let first = slugs(blocks[0] ?? []), second = slugs(blocks[1] ?? [])
        #expect(second.count == growth.weConnectProspectsPerBlock)
        #expect(first.count > (growth.weConnectProspectsPerBlock ?? 0) - 10)
        #expect(first.isDisjoint(with: second))
        // Only the template's threads were opened by an action the team tracks.
        let standard = WeConnectGenerator(scale: 2, endDate: "2026-11-20", days: 365).make()
        #expect(data.actions.count <= standard.actions.count)
        #expect(!data.actions.isEmpty)
    }

    @Test func largeKonnectorBlocksGoOnThroughThePoolAndKeepItsFirstRound() {
        let standard = KonnectorGenerator(scale: 1, days: 90).make()
        let grown = KonnectorGenerator(scale: 2, days: 90, campaignsPerBlock: 40).make()
        #expect(grown.campaigns.count == 80)
        #expect(grown.senders.count == standard.senders.count * 2)
        #expect(Array(grown.campaigns.prefix(standard.campaigns.count)) == standard.campaigns)
        #expect(Set(grown.campaigns.map(\.id)).count == 80)
        #expect(Set(grown.campaigns.map(\.name)).count == 80)
        // The last sender of each block still has none; every twelfth campaign is the empty draft.
        let withCampaigns = Set(grown.campaigns.map(\.senderID))
        #expect(withCampaigns.count == 6)
        #expect(grown.campaigns.filter { $0.status == "draft" }.allSatisfy { $0.days.isEmpty })
        #expect(grown.campaigns.filter { $0.status == "draft" }.count == 6)
    }

    @Test func largeLinkedAPIBlocksKeepTheFatesOfTwenty() {
        let data = LinkedAPIGenerator(scale: 2, invitationsPerBlock: 80).make()
        #expect(data.invitations.count == 160)
        #expect(data.members.count == 40)
        #expect(Set(data.invitations.map(\.id)).count == 160)
        #expect(Set(data.invitations.map(\.slug) + data.members.map(\.slug)).count == 200)
        #expect(data.invitations.filter { $0.acceptedAt != nil }.count == 9 * 160 / 20)
        #expect(data.invitations.filter(\.acceptsLive).count == 160 / 20)
    }
}
