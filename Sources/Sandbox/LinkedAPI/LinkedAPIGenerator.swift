import Chronology
import Foundation

/// Builds the Linked API sandbox's data deterministically: the same inputs give the same bytes.
///
/// Scale 1 is one block of 60 invitations and 15 members never invited over `days` days ending at
/// `endDate` (whole seconds, UTC, from the first day 00:00 to the last day 23:59:59); scale N is N
/// blocks. An invitation's fate follows its position in the block (`position % 20`): 9 in 20
/// accepted (45%), 2 withdrawn, 1 accepted live (3 per block: pending at start, accepted
/// `linkedAPIAcceptanceDelay` after the server's first start, sent in the last two days), the rest
/// pending. The first 8 invitations go to the shared `people` (also reached through other vendors);
/// the others to generated names with a hex suffix on the slug. Person URLs cycle through
/// `LinkedAPIPersonURL`'s forms.
///
/// Every accepted (not live) invitation has a conversation: an `us` message after the acceptance;
/// every second one a `them` reply later, every sixth a longer exchange (4 to 6 messages).
/// Every entity draws from its own SplitMix64 stream derived from `seed`.
///
/// `invitationsPerBlock` (the bench's large accounts: 80) grows a block, with a quarter as many
/// members never invited; the fates keep their pattern of 20. Streams are then laid out by kind so
/// invitations and members never share one however many there are.
public struct LinkedAPIGenerator: Sendable {
    static let standardInvitationsPerBlock = 60
    static let sharedInvitations = 8

    public let scale: Int
    public let endDate: String
    public let days: Int
    public let seed: UInt64
    public let people: [SandboxPerson]
    public let invitationsPerBlock: Int
    let membersPerBlock: Int

    /// `endDate` must be `YYYY-MM-DD`; anything else falls back to 2026-11-20. `scale` and `days`
    /// below 1 are treated as 1.
    public init(
        scale: Int = 1, endDate: String = "2026-11-20", days: Int = 60, seed: UInt64 = 17, people: [SandboxPerson] = [],
        invitationsPerBlock: Int? = nil
    ) {
        self.scale = max(1, scale)
        self.endDate = endDate
        self.days = max(1, days)
        self.seed = seed
        self.people = people
        self.invitationsPerBlock = max(1, invitationsPerBlock ?? Self.standardInvitationsPerBlock)
        membersPerBlock = self.invitationsPerBlock / 4
    }

    /// The random stream of an invitation (`10,000 + ordinal` in the standard layout) or a member
    /// (`20,000 + ordinal`).
    private func stream(member: Bool, ordinal: Int) -> UInt64 {
        guard invitationsPerBlock != Self.standardInvitationsPerBlock else {
            return UInt64((member ? 20_000 : 10_000) + ordinal)
        }
        return (member ? 2 : 1) << 40 | UInt64(ordinal)
    }

    /// What becomes of an invitation.
    private enum Fate {
        case accepted, withdrawn, live, pending

        init(position: Int) {
            switch position % 20 {
            case 0, 2, 4, 6, 8, 10, 13, 15, 17: self = .accepted
            case 5, 19: self = .withdrawn
            case 11: self = .live
            default: self = .pending
            }
        }
    }

    public func make() -> LinkedAPIDataset {
        let end = CivilDate(iso: endDate) ?? CivilDate(year: 2026, month: 11, day: 20)
        let first = end.adding(days: -(days - 1))
        let start = Int64(first.dayNumber) * 86_400
        let finish = Int64(end.dayNumber) * 86_400 + 86_399
        let span = finish - start
        var accountRandom = SeededRandom(seed: seed, stream: 1)
        let account = LinkedAPIAccount(
            accountId: SandboxIdentifiers.uuid(&accountRandom), name: LinkedAPINamePools.accountName)

        var usedSlugs = Set<String>()
        var invitations: [LinkedAPIInvitation] = []
        var members: [LinkedAPIMember] = []
        var conversations: [LinkedAPIConversation] = []
        var acceptedCount = 0

        for block in 0..<scale {
            for position in 0..<invitationsPerBlock {
                let ordinal = block * invitationsPerBlock + position
                var random = SeededRandom(seed: seed, stream: stream(member: false, ordinal: ordinal))
                let (slug, name) = person(ordinal: ordinal, random: &random, used: &usedSlugs)
                let fate = Fate(position: position)
                let sentAt: Int64
                if fate == .live {
                    sentAt = max(start, finish - Int64(random.int(in: 3_600...2 * 86_400)))
                } else {
                    sentAt = start + Int64(random.int(in: 0...Int(span * 8 / 10)))
                }
                var acceptedAt: Int64?
                if fate == .accepted {
                    acceptedAt = sentAt + Self.gap(random.int(in: 1_800...5 * 86_400), from: sentAt, end: finish)
                }
                let invitation = LinkedAPIInvitation(
                    id: "inv-" + CivilDate.pad(ordinal + 1, 4),
                    personURL: LinkedAPIPersonURL.make(slug: slug, form: ordinal),
                    slug: slug, name: name, sentAt: sentAt, acceptedAt: acceptedAt,
                    withdrawn: fate == .withdrawn, acceptsLive: fate == .live)
                invitations.append(invitation)
                if let acceptedAt {
                    conversations.append(conversation(
                        with: invitation, acceptedAt: acceptedAt, shape: acceptedCount, end: finish, random: &random))
                    acceptedCount += 1
                }
            }
            for index in 0..<membersPerBlock {
                let ordinal = block * membersPerBlock + index
                var random = SeededRandom(seed: seed, stream: stream(member: true, ordinal: ordinal))
                let (slug, name) = generatedPerson(ordinal: ordinal + 500, random: &random, used: &usedSlugs)
                members.append(LinkedAPIMember(
                    personURL: LinkedAPIPersonURL.make(slug: slug, form: ordinal + 3), slug: slug, name: name))
            }
        }
        return LinkedAPIDataset(
            account: account, invitations: invitations, members: members, conversations: conversations,
            startDate: first.iso, endDate: end.iso)
    }

    /// The shared person for the first invitations (skipping any whose slug is taken), else a
    /// generated one.
    private func person(
        ordinal: Int, random: inout SeededRandom, used: inout Set<String>
    ) -> (slug: String, name: String) {
        if ordinal < Self.sharedInvitations, ordinal < people.count {
            let shared = people[ordinal]
            let slug = (shared.slug.removingPercentEncoding ?? shared.slug).lowercased()
            if !slug.isEmpty, used.insert(slug).inserted { return (slug, shared.name) }
        }
        return generatedPerson(ordinal: ordinal, random: &random, used: &used)
    }

    /// A name from the pools and its slug: the name in lower case, hyphenated, with a hex suffix
    /// (LinkedIn's for common names), drawn again until unused.
    private func generatedPerson(
        ordinal: Int, random: inout SeededRandom, used: inout Set<String>
    ) -> (slug: String, name: String) {
        let pools = LinkedAPINamePools.self
        let name = pools.firstNames[ordinal % pools.firstNames.count] + " "
            + pools.lastNames[(ordinal / pools.firstNames.count + ordinal * 7) % pools.lastNames.count]
        let base = name.lowercased().replacingOccurrences(of: "'", with: "")
            .split(separator: " ").joined(separator: "-")
        while true {
            let slug = base + "-" + SandboxIdentifiers.hex(random.bytes(3))
            if used.insert(slug).inserted { return (slug, name) }
        }
    }

    /// The messages after an acceptance. `shape` counts accepted invitations: every second one gets
    /// a reply, every sixth a longer exchange.
    private func conversation(
        with invitation: LinkedAPIInvitation, acceptedAt: Int64, shape: Int, end: Int64, random: inout SeededRandom
    ) -> LinkedAPIConversation {
        var senders: [LinkedAPIMessageSender] = [.us]
        if shape % 6 == 0 {
            for index in 1..<random.int(in: 4...6) { senders.append(index % 2 == 1 ? .them : .us) }
        } else if shape % 2 == 0 {
            senders.append(.them)
        }
        let threadID = LinkedAPIIdentifiers.threadID(&random)
        let pools = LinkedAPINamePools.self
        var time = acceptedAt + Self.gap(random.int(in: 600...86_400), from: acceptedAt, end: end)
        var messages: [LinkedAPIMessage] = []
        for (index, sender) in senders.enumerated() {
            if index > 0 { time += Self.gap(random.int(in: 1_800...2 * 86_400), from: time, end: end) }
            let pool = switch sender {
            case .us: index == 0 ? pools.openers : pools.followUps
            case .them: pools.replies
            }
            messages.append(LinkedAPIMessage(
                id: SandboxIdentifiers.uuid(&random), sender: sender,
                text: pools.fill(pool[random.int(in: 0...pool.count - 1)], name: invitation.name),
                time: time, threadId: threadID))
        }
        return LinkedAPIConversation(
            slug: invitation.slug, personURL: invitation.personURL, threadId: threadID, messages: messages)
    }

    /// `wanted` seconds, shortened to half the time left before `end` (at least one second) so a
    /// chain of events stays inside the window.
    private static func gap(_ wanted: Int, from time: Int64, end: Int64) -> Int64 {
        max(1, min(Int64(wanted), (end - time) / 2))
    }
}
