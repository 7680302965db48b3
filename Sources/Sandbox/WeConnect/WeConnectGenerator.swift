import Chronology
/// Builds the WeConnect sandbox's data deterministically: the same inputs give the same bytes.
///
/// Scale 1 is one block of 2 users (user 75, "John Doe", is the demo user) with 40 threads and about
/// 60 actions over `days` days ending at `endDate`; scale N is N such blocks (block 0 is identical at
/// every scale). Every entity draws from its own SplitMix64 stream derived from `seed`.
///
/// Threads come in five patterns by position: outbound first and answered; outbound only (no reply);
/// inbound first (the prospect wrote first); a long exchange both ways; outbound then one reply. Every
/// thread that starts outbound has the `message` action that sent its first message (answered when
/// the thread has a later inbound message, `replyAt` being that message's time); some also have the
/// `connect` that preceded it. Each user also has thread-less actions of every type (a minority
/// `Completed_Failed`; thread-less `message` actions are always failed, since a sent message would
/// have made a thread) and a few "recent" actions that settle only after the server starts.
///
/// Slugs are mostly lower-case ASCII with hyphens (some with LinkedIn's hex suffix); every fifth
/// prospect's is percent-encoded UTF-8 (`jos%C3%A9-garc%C3%ADa`) and every tenth keeps upper case.
///
/// Times are whole seconds inside the window: from the first day 00:00 UTC to the last day
/// 21:59:59 UTC (23:59:59 in the vendor's UTC+02:00 zone); some messages fall between 22:00 and
/// 24:00 UTC, i.e. on the next day in the vendor's zone.
///
/// With a `growth` other than standard (the bench's large accounts), each user has
/// `weConnectThreadsPerUser` threads of exactly `weConnectMessagesPerThread` messages (each pattern's
/// opening, then the exchange goes on), and each block talks to `weConnectProspectsPerBlock` people of
/// its own (prospect `k` past the pool's 192 gets `-k` after its slug, so every slug is distinct).
/// Only the template's first threads (26 and 14) have the actions that opened them: the others are
/// conversations held on LinkedIn directly, the usual case in a big account, so the requests a team
/// tracks stay a few per user. Random streams are then laid out by field, so no two entities share one.
public struct WeConnectGenerator: Sendable {
    public let scale: Int
    public let endDate: String
    public let days: Int
    public let seed: UInt64
    public let growth: SandboxGrowth

    /// `endDate` must be `YYYY-MM-DD`; anything else falls back to 2026-11-20. `scale` and `days`
    /// below 1 are treated as 1.
    public init(scale: Int = 1, endDate: String = "2026-11-20", days: Int = 60, seed: UInt64 = 11,
                growth: SandboxGrowth = .standard) {
        self.scale = max(1, scale)
        self.endDate = endDate
        self.days = max(1, days)
        self.seed = seed
        self.growth = growth
    }

    /// What a random stream draws for: the standard layout numbers them `base + ordinal * 1,000 +
    /// index` (streams of neighbouring users overlap past 1,000 threads, which the standard block
    /// never reaches); a grown block gives each kind its own range.
    private enum Stream: UInt64 {
        case thread = 100_000, extraAction = 200_000, recentAction = 300_000, profile = 500_000
    }

    private func stream(_ kind: Stream, ordinal: UInt64, index: Int) -> UInt64 {
        let grown = growth.weConnectThreadsPerUser != nil || growth.weConnectMessagesPerThread != nil
            || growth.weConnectProspectsPerBlock != nil
        guard grown else {
            return kind == .profile ? kind.rawValue + UInt64(index) : kind.rawValue + ordinal * 1_000 + UInt64(index)
        }
        return (kind.rawValue / 100_000) << 44 | ordinal << 24 | UInt64(index)
    }

    /// The window in epoch seconds.
    private struct Window {
        let first: CivilDate
        let start: Int64
        let end: Int64
    }

    public func make() -> WeConnectDataset {
        let end = CivilDate(iso: endDate) ?? CivilDate(year: 2026, month: 11, day: 20)
        let first = end.adding(days: -(days - 1))
        let window = Window(
            first: first, start: Int64(first.dayNumber) * 86_400, end: Int64(end.dayNumber) * 86_400 + 22 * 3_600 - 1)
        var users: [WeConnectUser] = []
        var threads: [WeConnectThread] = []
        var actions: [WeConnectAction] = []
        var usedThreadIDs = Set<String>()
        var usedRequestIDs = Set<String>()

        for block in 0..<scale {
            for (index, template) in WeConnectNamePools.users.enumerated() {
                let ordinal = UInt64(block * WeConnectNamePools.users.count + index)
                let user = makeUser(block: block, index: index, template: template)
                users.append(user)
                var actionRandom = SeededRandom(seed: seed, stream: 30_000 + ordinal)
                let threadCount = growth.weConnectThreadsPerUser ?? template.threadCount
                func addAction(
                    _ type: WeConnectActionType, account: Int, profile: WeConnectProfile, message: String?,
                    submittedAt: Int64, status: WeConnectRequestStatus, replied: Bool?, replyAt: Int64?,
                    recent: Bool = false
                ) {
                    var requestID = SandboxIdentifiers.uuid(&actionRandom)
                    while !usedRequestIDs.insert(requestID).inserted {
                        requestID = SandboxIdentifiers.uuid(&actionRandom)
                    }
                    actions.append(WeConnectAction(
                        requestID: requestID, userID: user.id, accountID: account, linkedin: profile.linkedin,
                        type: type, message: message, submittedAt: max(window.start, submittedAt),
                        finalStatus: status, replied: type == .message ? (replied ?? false) : nil,
                        replyAt: type == .message ? replyAt : nil, settlesAfterStart: recent))
                }
                let accounts = user.accounts.map(\.accountID)
                func account(_ position: Int) -> Int {
                    accounts.isEmpty ? 0 : accounts[position % accounts.count]
                }

                for position in 0..<threadCount {
                    var random = SeededRandom(seed: seed, stream: stream(.thread, ordinal: ordinal, index: position))
                    let prospect: Int
                    if let perBlock = growth.weConnectProspectsPerBlock {
                        prospect = block * perBlock + (template.prospectOffset + position) % perBlock
                    } else {
                        prospect = (template.prospectOffset + position * template.prospectStride)
                            % WeConnectNamePools.prospectCount
                    }
                    let profile = makeProfile(prospect)
                    let messages = makeConversation(
                        pattern: position % 5, profile: profile, user: user, window: window, random: &random)
                    var id = WeConnectIdentifiers.threadID(&random, ordinal: threads.count + 1)
                    while !usedThreadIDs.insert(id).inserted {
                        id = WeConnectIdentifiers.threadID(&random, ordinal: threads.count + 1)
                    }
                    let read = messages.last?.direction == .outbound || random.chance(50)
                    threads.append(WeConnectThread(id: id, userID: user.id, profile: profile, messages: messages, read: read))

                    guard position < template.threadCount, let opener = messages.first, opener.direction == .outbound
                    else { continue }
                    if position % 3 == 0 {
                        let note = random.chance(50)
                            ? WeConnectNamePools.fill(WeConnectNamePools.connectNotes[position % 3], profile) : nil
                        addAction(
                            .connect, account: account(position), profile: profile, message: note,
                            submittedAt: opener.epoch - Int64(random.int(in: 86_400...4 * 86_400)),
                            status: .completedSuccess, replied: nil, replyAt: nil)
                    }
                    let reply = messages.first { $0.direction == .inbound }
                    addAction(
                        .message, account: account(position), profile: profile, message: opener.content,
                        submittedAt: opener.epoch - Int64(random.int(in: 30...900)), status: .completedSuccess,
                        replied: reply != nil, replyAt: reply?.epoch)
                }

                let extraTypes: [WeConnectActionType] = [.visit, .endorse, .like, .follow, .withdraw, .connect, .message]
                for extra in 0..<template.extraActions {
                    var random = SeededRandom(seed: seed, stream: stream(.extraAction, ordinal: ordinal, index: extra))
                    let type = extraTypes[extra % extraTypes.count]
                    let profile = makeProfile(
                        (template.extraOffset + extra * 11) % WeConnectNamePools.prospectCount)
                    let failed = type == .message || random.chance(type == .withdraw ? 50 : 20)
                    var message: String?
                    if type == .message {
                        message = WeConnectNamePools.fill(
                            WeConnectNamePools.outboundOpeners[extra % WeConnectNamePools.outboundOpeners.count], profile)
                    } else if type == .connect, random.chance(50) {
                        message = WeConnectNamePools.fill(WeConnectNamePools.connectNotes[extra % 3], profile)
                    }
                    addAction(
                        type, account: account(extra), profile: profile, message: message,
                        submittedAt: window.start + Int64(random.int(in: 0...Int(window.end - window.start))),
                        status: failed ? .completedFailed : .completedSuccess, replied: false, replyAt: nil)
                }

                for (position, recent) in template.recent.enumerated() {
                    var random = SeededRandom(seed: seed, stream: stream(.recentAction, ordinal: ordinal, index: position))
                    let profile = makeProfile(recent.prospect % WeConnectNamePools.prospectCount)
                    let message = recent.type == .message
                        ? WeConnectNamePools.fill(WeConnectNamePools.outboundOpeners[position], profile) : nil
                    addAction(
                        recent.type, account: account(position), profile: profile, message: message,
                        submittedAt: window.end - Int64(random.int(in: 60...3_600)), status: recent.status,
                        replied: recent.replied, replyAt: nil, recent: true)
                }
            }
        }
        return WeConnectDataset(
            users: users, threads: threads, actions: actions, startDate: first.iso, endDate: end.iso)
    }

    private func makeUser(block: Int, index: Int, template: WeConnectNamePools.UserTemplate) -> WeConnectUser {
        let pools = WeConnectNamePools.self
        let suffix = block == 0 ? "" : ".\(block + 1)"
        func withSuffix(_ email: String) -> String {
            guard let at = email.firstIndex(of: "@") else { return email + suffix }
            return String(email[..<at]) + suffix + String(email[at...])
        }
        var nextAccount = pools.firstAccountID + block * pools.accountsPerBlock
            + pools.users.prefix(index).reduce(0) { $0 + $1.accountEmails.count }
        let accounts = template.accountEmails.map { email -> WeConnectAccount in
            defer { nextAccount += 1 }
            return WeConnectAccount(accountID: nextAccount, email: withSuffix(email))
        }
        return WeConnectUser(
            id: pools.firstUserID + block * pools.users.count + index,
            email: withSuffix(template.email), password: template.password,
            fullname: template.fullname + (block == 0 ? "" : " \(block + 1)"),
            activeAccount: accounts.first?.email ?? "", accounts: accounts)
    }

    /// Prospect `k`: the same person (same slug) for every user who talks to them.
    func makeProfile(_ k: Int) -> WeConnectProfile {
        let pools = WeConnectNamePools.self
        var random = SeededRandom(seed: seed, stream: stream(.profile, ordinal: 0, index: k))
        let first = pools.firstNames[k % pools.firstNames.count]
        let last = pools.lastNames[(k / pools.firstNames.count + k) % pools.lastNames.count]
        let middle = k % 7 == 2 ? "Q." : ""
        let name = [first, middle, last].filter { !$0.isEmpty }.joined(separator: " ")
        // Most slugs are plain lower-case ASCII; every fifth percent-encodes its accents (prospect 3
        // is the document's `jos%C3%A9-garc%C3%ADa`), every tenth keeps upper case.
        let style: WeConnectSlug.Style = k % 5 == 3 ? .percentEncoded : (k % 10 == 7 ? .mixedCase : .ascii)
        var slug = WeConnectSlug.make(first + " " + last, style: style)
        if k >= pools.prospectCount {
            // Past the pool the names repeat; the number keeps each slug distinct (at most 7
            // digits, never the 8 hex digits of the pool's own suffixes).
            slug += "-\(k)"
        } else if k % 3 == 1 {
            slug += "-" + SandboxIdentifiers.hex(random.bytes(4))
        }
        let company = pools.companies[k % pools.companies.count]
        return WeConnectProfile(
            name: name, firstName: first, middleName: middle, lastName: last,
            summary: pools.summaries[k % pools.summaries.count],
            job: pools.jobs[k % pools.jobs.count], company: company,
            location: pools.locations[k % pools.locations.count], linkedin: slug,
            website: k % 4 == 0 ? "https://example.com/\(slug)" : "",
            twitter: k % 5 == 0 ? "@" + String(slug.prefix(12)) : "",
            address: k % 6 == 0 ? "1 Main St, Springfield, \"Unit 2\"" : "",
            phone: k % 8 == 0 ? "+1 555 0100 \(CivilDate.pad(k % 100, 2))" : "",
            presentCompany: company, title: pools.titles[k % pools.titles.count],
            pictureID: k % 6 == 5 ? nil : 112_810 + k * 37)
    }

    /// The messages of one thread, oldest first. Patterns: 0 outbound first and answered (2-4
    /// messages), 1 outbound only (1-2), 2 inbound first (1-3), 3 a long exchange (4-8), 4 outbound then
    /// one reply.
    private func makeConversation(
        pattern: Int, profile: WeConnectProfile, user: WeConnectUser, window: Window, random: inout SeededRandom
    ) -> [WeConnectMessage] {
        var directions: [WeConnectMessageDirection]
        switch pattern {
        case 0:
            directions = [.outbound, .inbound]
            for extra in 0..<random.int(in: 0...2) { directions.append(extra % 2 == 0 ? .outbound : .inbound) }
        case 1:
            directions = random.chance(50) ? [.outbound, .outbound] : [.outbound]
        case 2:
            directions = [.inbound]
            if random.chance(60) {
                directions.append(.outbound)
                if random.chance(50) { directions.append(.inbound) }
            }
        case 3:
            directions = [.outbound]
            for _ in 1..<random.int(in: 4...8) {
                let previous = directions[directions.count - 1]
                directions.append(random.chance(70) ? (previous == .outbound ? .inbound : .outbound) : previous)
            }
        default:
            directions = [.outbound, .inbound]
        }
        if let count = growth.weConnectMessagesPerThread {
            // The pattern opens the thread; it goes on back and forth (follow-ups only, where
            // nobody ever answers) to exactly `count` messages.
            directions = Array(directions.prefix(max(1, count)))
            while directions.count < count {
                let previous = directions[directions.count - 1]
                directions.append(pattern == 1 || previous == .inbound ? .outbound : .inbound)
            }
        }

        let span = max(0, (window.end - window.start) / 86_400)
        let day = Int64(random.int(in: 0...Int(span * 3 / 4)))
        var epoch = window.start + day * 86_400 + Int64(random.int(in: 5 * 3_600...86_399))
        epoch = min(epoch, max(window.start, window.end - 7_200))
        let pools = WeConnectNamePools.self
        var messages: [WeConnectMessage] = []
        for (position, direction) in directions.enumerated() {
            if position > 0 {
                let gap = Int64(random.int(in: 600...2 * 86_400))
                epoch += min(gap, max(0, (window.end - epoch) / 2))
            }
            let pool: [String] = switch (direction, position == 0) {
            case (.outbound, true): pools.outboundOpeners
            case (.outbound, false): pools.outboundFollowUps
            case (.inbound, true): pools.inboundOpeners
            case (.inbound, false): pools.inboundReplies
            }
            let content = pools.fill(pool[random.int(in: 0...pool.count - 1)], profile)
            messages.append(WeConnectMessage(
                direction: direction, senderName: direction == .outbound ? user.fullname : profile.name,
                content: content, epoch: epoch))
        }
        return messages
    }
}
