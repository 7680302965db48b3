import Foundation
import Sandbox
import Testing

/// The Linked API dataset: deterministic, shaped as documented, consistent with itself.
@Suite struct LinkedAPIGeneratorTests {
    static let people = [
        SandboxPerson(slug: "jos%C3%A9-garc%C3%ADa", name: "José García"),
        SandboxPerson(slug: "hermione-granger", name: "Hermione Granger"),
        SandboxPerson(slug: "George-Orwell-1a2b3c4d", name: "George Orwell"),
    ] + (0..<10).map { SandboxPerson(slug: "shared-person-\($0)", name: "Shared Person \($0)") }

    @Test func theSameInputsGiveTheSameDataset() throws {
        let one = LinkedAPIGenerator(seed: 17, people: Self.people).make()
        let two = LinkedAPIGenerator(seed: 17, people: Self.people).make()
        #expect(one == two)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(one) == encoder.encode(two))
        let other = LinkedAPIGenerator(seed: 18, people: Self.people).make()
        #expect(other != one)
        #expect(other.account.accountId != one.account.accountId)

        // Through the server too: same configuration, same data.
        var configuration = SandboxConfiguration()
        configuration.linkedAPISeed = 99
        #expect(SandboxServer(configuration: configuration).linkedAPI == SandboxServer(configuration: configuration).linkedAPI)
    }

    @Test func scaleOneHasTheDocumentedShape() throws {
        let data = LinkedAPIGenerator(endDate: "2026-11-20", days: 60, seed: 17, people: Self.people).make()
        #expect(data.startDate == "2026-09-22")
        #expect(data.endDate == "2026-11-20")
        #expect(data.invitations.count == 60)
        #expect(Set(data.invitations.map(\.id)).count == 60)
        let accepted = data.invitations.filter { $0.acceptedAt != nil }
        #expect(accepted.count == 27)
        #expect(data.liveInvitations.count == 3)
        #expect(data.liveInvitations.allSatisfy { $0.isPending })
        #expect(data.invitations.filter(\.withdrawn).count == 6)
        #expect(data.invitations.allSatisfy { !($0.withdrawn && $0.acceptedAt != nil) })
        #expect(data.members.count == 15)

        // The first 8 invitations go to the shared people, slugs normalised.
        #expect(data.invitations.prefix(8).map(\.name) == Self.people.prefix(8).map(\.name))
        #expect(data.invitations[0].slug == "josé-garcía")
        #expect(data.invitations[2].slug == "george-orwell-1a2b3c4d")
        #expect(!data.invitations.dropFirst(8).contains { $0.name.hasPrefix("Shared Person") })

        let slugs = data.invitations.map(\.slug) + data.members.map(\.slug)
        #expect(Set(slugs).count == slugs.count)

        let start = try #require(ISO8601DateFormatter().date(from: "2026-09-22T00:00:00Z")).timeIntervalSince1970
        let end = try #require(ISO8601DateFormatter().date(from: "2026-11-20T23:59:59Z")).timeIntervalSince1970
        let window = Int64(start)...Int64(end)
        for invitation in data.invitations {
            #expect(window.contains(invitation.sentAt))
            if let acceptedAt = invitation.acceptedAt {
                #expect(acceptedAt > invitation.sentAt)
                #expect(window.contains(acceptedAt))
            }
        }
        #expect(data.liveInvitations.allSatisfy { $0.sentAt >= Int64(end) - 2 * 86_400 })
        #expect(data.acceptedInvitations(asOf: Int64(start)).isEmpty)
        #expect(data.acceptedInvitations().count == accepted.count)
        #expect(data.acceptedInvitations().map { $0.acceptedAt ?? 0 } == accepted.map { $0.acceptedAt ?? 0 }.sorted())
    }

    @Test func acceptedInvitationsHaveConversations() throws {
        let data = LinkedAPIGenerator(seed: 17, people: Self.people).make()
        let accepted = data.invitations.filter { $0.acceptedAt != nil }
        #expect(data.conversations.map(\.slug) == accepted.map(\.slug))
        #expect(Set(data.conversations.map(\.threadId)).count == data.conversations.count)
        for (conversation, invitation) in zip(data.conversations, accepted) {
            let messages = conversation.messages
            #expect(messages.first?.sender == .us)
            #expect((messages.first?.time ?? 0) > (invitation.acceptedAt ?? .max))
            #expect(messages.map(\.time) == messages.map(\.time).sorted())
            #expect(Set(messages.map(\.time)).count == messages.count)
            #expect(messages.allSatisfy { $0.threadId == conversation.threadId && !$0.text.isEmpty })
            #expect(data.messages(ofPersonURL: invitation.personURL) == messages)
        }
        let replied = data.conversations.filter { $0.messages.contains { $0.sender == .them } }
        #expect(replied.count * 2 >= accepted.count - 1 && replied.count * 2 <= accepted.count + 1)
        #expect(data.conversations.contains { $0.messages.count >= 4 })
        #expect(Set(data.conversations.flatMap(\.messages).map(\.id)).count == data.conversations.flatMap(\.messages).count)
    }

    @Test func scaleMultipliesEverything() {
        let data = LinkedAPIGenerator(scale: 3, seed: 17, people: Self.people).make()
        #expect(data.invitations.count == 180)
        #expect(data.liveInvitations.count == 9)
        #expect(data.members.count == 45)
        #expect(Set(data.invitations.map(\.slug)).count == 180)
        #expect(data.invitations.filter { $0.name.hasPrefix("Shared Person") }.count == 5)
        // Block 0 does not depend on the scale.
        let single = LinkedAPIGenerator(scale: 1, seed: 17, people: Self.people).make()
        #expect(Array(data.invitations.prefix(60)) == single.invitations)
    }
}
