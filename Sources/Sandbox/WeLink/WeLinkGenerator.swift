import Chronology
import Foundation

/// Builds the We-Link sandbox's data deterministically: the same inputs give the same dataset.
///
/// Scale N is N blocks of 2 accounts (block 0 is identical at every scale). Each account reaches
/// 24 prospects over `days` days ending at `endDate`: the first six are shared people (the same
/// people other vendors reach, when there are enough), the rest generated. Per account:
/// - 20 invitations (prospects 0-19): positions 7 and 17 fail `PROFILE_NOT_FOUND`, 9 and 19
///   `CONNECTION_FAILED`; of the rest about two thirds are accepted (prospects 0-3 always).
/// - 15 messages: a first message to each accepted prospect, follow-ups to those who did not
///   answer until 13 were sent, and 2 `MESSAGE_FAILED` to prospects never invited (20, 21, who
///   are not connections). About 40% of sent messages get a reply.
/// - 4 recent requests that settle only after the server starts: an invitation to prospect 22
///   (succeeds), one to prospect 23 (`PROFILE_NOT_FOUND`), a follow-up to the first accepted
///   prospect (replied) and one to the second (not replied).
/// - A thread per prospect messaged successfully.
///
/// History happens between the first day 00:00 UTC and the last day 23:00 UTC; the recent requests
/// are submitted in the last hour. Times are whole seconds. Every entity draws from its own
/// SplitMix64 stream derived from `seed`, so adding one never shifts the others.
public struct WeLinkGenerator: Sendable {
    public let scale: Int
    public let endDate: String
    public let days: Int
    public let seed: UInt64
    /// The people shared with the other vendors (normalised slugs).
    public let people: [SandboxPerson]

    static let prospectsPerAccount = 24
    static let invitedProspects = 20
    static let sharedProspects = 6
    static let sentMessages = 13

    /// `endDate` must be `YYYY-MM-DD`; anything else falls back to 2026-11-20. `scale` and `days`
    /// below 1 are treated as 1.
    public init(
        scale: Int = 1, endDate: String = "2026-11-20", days: Int = 60, seed: UInt64 = 13,
        people: [SandboxPerson] = []
    ) {
        self.scale = max(1, scale)
        self.endDate = endDate
        self.days = max(1, days)
        self.seed = seed
        self.people = people
    }

    private struct Prospect {
        let slug: String
        let name: String
    }

    /// The generation window in epoch seconds: history ends at `latest`, recent requests after it.
    private struct Window {
        let start: Int64
        let latest: Int64
        let end: Int64
    }

    public func make() -> WeLinkDataset {
        let last = CivilDate(iso: endDate) ?? CivilDate(year: 2026, month: 11, day: 20)
        let first = last.adding(days: -(days - 1))
        let end = Int64(last.dayNumber) * 86_400 + 86_399
        let window = Window(start: Int64(first.dayNumber) * 86_400, latest: end - 3_600, end: end)
        var accounts: [WeLinkAccount] = []
        var requests: [WeLinkRequestRecord] = []
        var threads: [WeLinkThread] = []
        var usedAccountIDs = Set<String>()
        var usedSlugs = Set(people.map { Self.normalised($0.slug) })
        var usedRequestIDs = Set<String>()
        var usedThreadIDs = Set<String>()

        for block in 0..<scale {
            for (index, template) in WeLinkNamePools.accounts.enumerated() {
                let ordinal = block * WeLinkNamePools.accounts.count + index
                var idRandom = SeededRandom(seed: seed, stream: 1_000 + UInt64(ordinal))
                var id = String(idRandom.int(in: 10_000...99_999))
                while !usedAccountIDs.insert(id).inserted { id = String(idRandom.int(in: 10_000...99_999)) }
                let account = WeLinkAccount(
                    id: id, name: template.name + (block == 0 ? "" : " \(block + 1)"),
                    email: Self.suffixed(template.email, block: block))
                accounts.append(account)
                let prospects = makeProspects(ordinal: ordinal, used: &usedSlugs)
                var requestRandom = SeededRandom(seed: seed, stream: 400_000 + UInt64(ordinal))
                let built = makeHistory(account: account, ordinal: ordinal, prospects: prospects, window: window)
                var records: [WeLinkRequestRecord] = []
                for draft in built {
                    var requestID = SandboxIdentifiers.uuid(&requestRandom)
                    while !usedRequestIDs.insert(requestID).inserted {
                        requestID = SandboxIdentifiers.uuid(&requestRandom)
                    }
                    records.append(draft(requestID))
                }
                requests += records.sorted { ($0.submittedAt, $0.requestID) < ($1.submittedAt, $1.requestID) }
                threads += makeThreads(
                    account: account, ordinal: ordinal, records: records, used: &usedThreadIDs, count: threads.count)
            }
        }
        return WeLinkDataset(
            accounts: accounts, requests: requests, threads: threads, startDate: first.iso, endDate: last.iso,
            seed: seed)
    }

    /// The account's 24 prospects: the shared people first, then generated ones with unique slugs.
    private func makeProspects(ordinal: Int, used: inout Set<String>) -> [Prospect] {
        let shared = min(Self.sharedProspects, people.count)
        var prospects: [Prospect] = (0..<shared).map { position in
            let person = people[(ordinal * Self.sharedProspects + position) % people.count]
            return Prospect(slug: Self.normalised(person.slug), name: person.name)
        }
        let pools = WeLinkNamePools.self
        for position in shared..<Self.prospectsPerAccount {
            let global = ordinal * Self.prospectsPerAccount + position
            var random = SeededRandom(seed: seed, stream: 100_000 + UInt64(global))
            let name = pools.firstNames[global % pools.firstNames.count] + " "
                + pools.lastNames[(global / pools.firstNames.count + global) % pools.lastNames.count]
            // Every fourth slug keeps its accents (percent-encoded in URLs), as LinkedIn allows.
            let base = Self.normalised(WeConnectSlug.make(name, style: global % 4 == 1 ? .percentEncoded : .ascii))
            var slug = base + "-" + SandboxIdentifiers.hex(random.bytes(3))
            while !used.insert(slug).inserted { slug = base + "-" + SandboxIdentifiers.hex(random.bytes(3)) }
            prospects.append(Prospect(slug: slug, name: name))
        }
        return prospects
    }

    /// A record waiting for its request id.
    private typealias Draft = (String) -> WeLinkRequestRecord

    /// The account's invitations, messages and recent requests (see the type's summary).
    private func makeHistory(
        account: WeLinkAccount, ordinal: Int, prospects: [Prospect], window: Window
    ) -> [Draft] {
        var drafts: [Draft] = []
        let span = Int(window.latest - window.start)
        func draft(
            _ type: WeLinkRequestType, _ prospect: Prospect, form: Int, message: String?, submittedAt: Int64,
            status: WeLinkOutcome, sentAt: Int64?, acceptedAt: Int64? = nil, repliedAt: Int64? = nil,
            replyText: String? = nil, recent: Bool = false, willReply: Bool = false
        ) {
            let url = WeLinkProfileURL.make(slug: prospect.slug, form: form)
            drafts.append { id in
                WeLinkRequestRecord(
                    requestID: id, accountID: account.id, type: type, profileURL: url, slug: prospect.slug,
                    name: prospect.name, message: message, submittedAt: submittedAt, finalStatus: status,
                    sentAt: sentAt, acceptedAt: acceptedAt, repliedAt: repliedAt, replyText: replyText,
                    settlesAfterStart: recent, willReply: willReply)
            }
        }
        func stream(_ base: UInt64, _ position: Int) -> SeededRandom {
            SeededRandom(seed: seed, stream: base + UInt64(ordinal) * 1_000 + UInt64(position))
        }
        let pools = WeLinkNamePools.self
        let shared = min(Self.sharedProspects, people.count)

        // Invitations.
        var accepted: [(position: Int, at: Int64)] = []
        for position in 0..<Self.invitedProspects {
            var random = stream(2_000_000, position)
            let prospect = prospects[position]
            let submittedAt = window.start + Int64(random.int(in: 0...span * 3 / 5))
            let sentAt = submittedAt + Int64(random.int(in: 5...900))
            let status: WeLinkOutcome = position < shared ? .success
                : position % 10 == 7 ? .profileNotFound : position % 10 == 9 ? .connectionFailed : .success
            var acceptedAt: Int64?
            if status == .success, position < 4 || random.chance(65) {
                let at = sentAt + Int64(random.int(in: 3_600...4 * 86_400))
                if at <= window.latest - 3_600 { acceptedAt = at }
            }
            if let acceptedAt { accepted.append((position, acceptedAt)) }
            let note = random.chance(50)
                ? pools.fill(pools.connectNotes[position % pools.connectNotes.count], name: prospect.name) : nil
            draft(.connect, prospect, form: random.int(in: 0...4), message: note, submittedAt: submittedAt,
                  status: status, sentAt: status == .success ? sentAt : nil, acceptedAt: acceptedAt)
        }

        // Messages: first ones to accepted prospects, then follow-ups to those who did not answer.
        var lastSent: [Int: Int64] = [:]
        var answered = Set<Int>()
        var sent = 0
        func message(_ position: Int, after: Int64, followUp: Bool, random: inout SeededRandom) {
            let prospect = prospects[position]
            let sentAt = min(after + Int64(random.int(in: followUp ? 2 * 86_400...5 * 86_400 : 600...2 * 86_400)),
                             window.latest)
            var repliedAt: Int64?
            var replyText: String?
            if random.chance(followUp ? 30 : 40) {
                let at = sentAt + Int64(random.int(in: 1_200...3 * 86_400))
                if at <= window.latest {
                    repliedAt = at
                    replyText = pools.replies[random.int(in: 0...pools.replies.count - 1)]
                    answered.insert(position)
                }
            }
            let texts = followUp ? pools.followUps : pools.openers
            draft(.message, prospect, form: random.int(in: 0...4),
                  message: pools.fill(texts[random.int(in: 0...texts.count - 1)], name: prospect.name),
                  submittedAt: max(after, sentAt - Int64(random.int(in: 5...600))), status: .success, sentAt: sentAt,
                  repliedAt: repliedAt, replyText: replyText, willReply: repliedAt != nil)
            lastSent[position] = repliedAt ?? sentAt
            sent += 1
        }
        for (position, acceptedAt) in accepted.prefix(Self.sentMessages) {
            var random = stream(3_000_000, position)
            message(position, after: acceptedAt, followUp: false, random: &random)
        }
        var round = 0
        while sent < Self.sentMessages {
            let candidates = accepted.map(\.position).filter { position in
                guard let last = lastSent[position] else { return false }
                return !answered.contains(position) && last + 5 * 86_400 <= window.latest
            }
            guard !candidates.isEmpty else { break }
            for position in candidates where sent < Self.sentMessages {
                var random = stream(40_000_000 + UInt64(round) * 1_000_000, position)
                message(position, after: lastSent[position] ?? window.start, followUp: true, random: &random)
            }
            round += 1
        }
        for position in Self.invitedProspects..<(Self.invitedProspects + 2) {
            var random = stream(5_000_000, position)
            let prospect = prospects[position]
            draft(.message, prospect, form: random.int(in: 0...4),
                  message: pools.fill(pools.openers[position % pools.openers.count], name: prospect.name),
                  submittedAt: window.start + Int64(random.int(in: 0...span)), status: .messageFailed, sentAt: nil)
        }

        // Recent requests, submitted in the last hour.
        func recentTime(_ position: Int) -> Int64 {
            var random = stream(6_000_000, position)
            return window.latest + Int64(random.int(in: 60...3_540))
        }
        draft(.connect, prospects[22], form: 3, message: nil, submittedAt: recentTime(22), status: .success,
              sentAt: nil, recent: true)
        draft(.connect, prospects[23], form: 1, message: nil, submittedAt: recentTime(23), status: .profileNotFound,
              sentAt: nil, recent: true)
        for (index, item) in accepted.prefix(2).enumerated() {
            let prospect = prospects[item.position]
            let reply = index == 0
            draft(.message, prospect, form: index * 2,
                  message: pools.fill(pools.followUps[index], name: prospect.name),
                  submittedAt: recentTime(100 + index), status: .success, sentAt: nil,
                  replyText: reply ? pools.replies[ordinal % pools.replies.count] : nil, recent: true,
                  willReply: reply)
        }
        return drafts
    }

    /// A thread per prospect with a sent message of the history, newest activity first.
    private func makeThreads(
        account: WeLinkAccount, ordinal: Int, records: [WeLinkRequestRecord], used: inout Set<String>, count: Int
    ) -> [WeLinkThread] {
        let sent = records.filter { $0.type == .message && $0.sentAt != nil }
            .sorted { ($0.sentAt ?? 0, $0.requestID) < ($1.sentAt ?? 0, $1.requestID) }
        var order: [String] = []
        var bySlug: [String: [WeLinkRequestRecord]] = [:]
        for record in sent {
            if bySlug[record.slug] == nil { order.append(record.slug) }
            bySlug[record.slug, default: []].append(record)
        }
        var threads: [WeLinkThread] = []
        for (position, slug) in order.enumerated() {
            guard let messages = bySlug[slug], let opener = messages.first, let created = opener.sentAt else { continue }
            var random = SeededRandom(seed: seed, stream: 7_000_000 + UInt64(ordinal) * 1_000 + UInt64(position))
            var id = WeConnectIdentifiers.threadID(&random, ordinal: count + threads.count + 1)
            while !used.insert(id).inserted {
                id = WeConnectIdentifiers.threadID(&random, ordinal: count + threads.count + 1)
            }
            var thread = WeLinkThread(
                threadID: id, accountID: account.id, profileID: slug, fullName: opener.name,
                profileURL: opener.profileURL, createdAt: created, lastActivityAt: created, lastMessageAt: created,
                unreadCount: 0)
            var events: [(at: Int64, inbound: Bool)] = []
            for message in messages {
                if let sentAt = message.sentAt { events.append((sentAt, false)) }
                if let repliedAt = message.repliedAt { events.append((repliedAt, true)) }
            }
            for event in events.sorted(by: { ($0.at, $0.inbound ? 1 : 0) < ($1.at, $1.inbound ? 1 : 0) }) {
                if event.inbound { thread.recordInbound(at: event.at) } else { thread.recordOutbound(at: event.at) }
            }
            // About half of the answered threads have been read since.
            if thread.unreadCount > 0, random.chance(50) { thread.unreadCount = 0 }
            threads.append(thread)
        }
        return threads.sorted(by: Self.newestFirst)
    }

    /// The order `personal_message_threads` lists threads in.
    static func newestFirst(_ lhs: WeLinkThread, _ rhs: WeLinkThread) -> Bool {
        lhs.lastActivityAt != rhs.lastActivityAt ? lhs.lastActivityAt > rhs.lastActivityAt : lhs.threadID < rhs.threadID
    }

    /// A slug as the API compares them: percent-decoded, lower case.
    static func normalised(_ slug: String) -> String {
        (slug.removingPercentEncoding ?? slug).lowercased()
    }

    /// `email` with `.<block + 1>` added to its local part after the first block.
    private static func suffixed(_ email: String, block: Int) -> String {
        guard block > 0, let at = email.firstIndex(of: "@") else { return email }
        return String(email[..<at]) + ".\(block + 1)" + String(email[at...])
    }
}
