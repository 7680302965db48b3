import Foundation

/// The WeConnect emulator's live state: accounts, actions and threads as they change at runtime.
///
/// Time only moves forward through `advance(to:)`, which every entry point calls first with one
/// reading of the clock: due actions become final (a successful `message` adds the outbound message
/// to the prospect's thread, creating the thread when there is none), due replies arrive (an inbound
/// message), and each change queues an event for the Pusher channel. So an HTTP answer and the
/// threads always agree, and the background ticker only has to drain the queue.
actor WeConnectState {
    /// The timing and seed the state runs with.
    struct Settings: Sendable {
        /// Seconds from submission (or, for the dataset's recent actions, from the server's first
        /// start) until an action is final.
        var actionDelay: Double
        /// Seconds from a message action becoming final until its reply arrives.
        var replyDelay: Double
        var seed: UInt64
    }

    /// One submitted action and where it is in its life.
    struct ActionRecord: Sendable {
        let requestID: String
        let userID: Int
        let accountID: Int
        let linkedin: String
        let type: WeConnectActionType
        let message: String?
        let finalStatus: WeConnectRequestStatus
        /// Message actions: a reply arrives `replyDelay` after it becomes final.
        let willReply: Bool
        /// The text of that reply.
        let replyContent: String
        /// Order of creation, to break ties between transitions due at the same time.
        let sequence: Int
        /// When it becomes final; nil while it waits for the server's first start.
        var settlesAt: Double?
        var settled: Bool
        var replyDelivered: Bool

        /// `request_status` now.
        var status: WeConnectRequestStatus { settled ? finalStatus : .pending }
        /// `replied` now (message actions only).
        var replied: Bool? { type == .message ? replyDelivered : nil }
    }

    private struct AccountAnnouncement {
        let due: Double
        let userID: Int
        let account: WeConnectAccount
    }

    private let settings: Settings
    private let clock: SandboxClock
    private let usersByID: [Int: WeConnectUser]
    private let userOrder: [Int]
    private var addedAccounts: [Int: [WeConnectAccount]] = [:]
    private var nextAccountID: Int
    private var actions: [String: ActionRecord] = [:]
    /// Ids of actions with a transition still to come.
    private var unsettled: [String] = []
    private var threads: [String: WeConnectThread] = [:]
    /// Thread ids per user, so listing one user's threads does not scan everyone's.
    private var threadIDsByUser: [Int: [String]] = [:]
    /// A user's thread ids in listing order, kept until one of their threads changes (a big
    /// account lists a thousand threads ten at a time).
    private var listingOrder: [Int: [String]] = [:]
    /// Profiles of every prospect in the dataset, by normalised slug, for threads made at runtime.
    private let directory: [String: WeConnectProfile]
    private var announcements: [AccountAnnouncement] = []
    private var outbox: [WeConnectEvent] = []
    private var sequence = 0
    private var submissions: UInt64 = 0
    private var messageSubmissions = 0
    private var tokensIssued: UInt64 = 0
    private var createdThreads: UInt64 = 0
    private var started = false

    init(dataset: WeConnectDataset, settings: Settings, clock: SandboxClock = .system) {
        self.settings = settings
        self.clock = clock
        usersByID = Dictionary(dataset.users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        userOrder = dataset.users.map(\.id)
        nextAccountID = (dataset.users.flatMap(\.accounts).map(\.accountID).max() ?? 707) + 1
        var directory: [String: WeConnectProfile] = [:]
        for thread in dataset.threads {
            threads[thread.id] = thread
            threadIDsByUser[thread.userID, default: []].append(thread.id)
            directory[Self.normalisedSlug(thread.profile.linkedin)] = directory[Self.normalisedSlug(thread.profile.linkedin)]
                ?? thread.profile
        }
        self.directory = directory
        for action in dataset.actions {
            sequence += 1
            let record = ActionRecord(
                requestID: action.requestID, userID: action.userID, accountID: action.accountID,
                linkedin: action.linkedin, type: action.type, message: action.message,
                finalStatus: action.finalStatus,
                willReply: action.type == .message && action.replied == true
                    && action.finalStatus == .completedSuccess,
                replyContent: WeConnectNamePools.inboundReplies[sequence % WeConnectNamePools.inboundReplies.count],
                sequence: sequence, settlesAt: nil, settled: !action.settlesAfterStart,
                replyDelivered: !action.settlesAfterStart && action.replied == true)
            actions[action.requestID] = record
            if action.settlesAfterStart { unsettled.append(action.requestID) }
        }
    }

    // MARK: Time

    /// Starts the clock of the dataset's recent actions (first start only): they become final
    /// `actionDelay` from now.
    func serverStarted() {
        guard !started else { return }
        started = true
        let now = clock.epochSeconds()
        for id in unsettled {
            if actions[id]?.settlesAt == nil { actions[id]?.settlesAt = now + settings.actionDelay }
        }
    }

    /// Applies every transition due at `now`, in time order, queueing their events.
    private func advance(to now: Double) {
        var due: [(time: Double, reply: Int, sequence: Int, id: String)] = []
        for id in unsettled {
            guard let record = actions[id], let settlesAt = record.settlesAt else { continue }
            if !record.settled, settlesAt <= now {
                due.append((settlesAt, 0, record.sequence, id))
            }
            let repliesAt = settlesAt + settings.replyDelay
            if record.willReply, !record.replyDelivered, repliesAt <= now {
                due.append((repliesAt, 1, record.sequence, id))
            }
        }
        due.sort { ($0.time, $0.reply, $0.sequence) < ($1.time, $1.reply, $1.sequence) }
        for item in due {
            guard var record = actions[item.id] else { continue }
            let epoch = Int64(item.time.rounded(.down))
            if item.reply == 0 {
                record.settled = true
                if record.type == .message, record.finalStatus == .completedSuccess {
                    deliver(record, direction: .outbound, content: record.message ?? "", epoch: epoch)
                }
            } else {
                record.replyDelivered = true
                deliver(record, direction: .inbound, content: record.replyContent, epoch: epoch)
            }
            actions[item.id] = record
            outbox.append(.requestStatus(
                userID: record.userID, requestID: record.requestID, type: record.type, status: record.status,
                replied: record.replied))
        }
        if !due.isEmpty {
            unsettled.removeAll { id in
                guard let record = actions[id] else { return true }
                return record.settled && (!record.willReply || record.replyDelivered)
            }
        }
        let ready = announcements.filter { $0.due <= now }
        if !ready.isEmpty {
            announcements.removeAll { $0.due <= now }
            for item in ready {
                outbox.append(.accountStatus(
                    userID: item.userID, accountID: item.account.accountID, email: item.account.email))
            }
        }
    }

    /// Advances to now and hands out the queued events.
    func drainEvents() -> [WeConnectEvent] {
        advance(to: clock.epochSeconds())
        defer { outbox.removeAll() }
        return outbox
    }

    // MARK: Users and accounts

    /// The user with these credentials. The email is matched without regard to case (Laravel on
    /// MySQL's case-insensitive collation); the password exactly.
    func authenticate(email: String, password: String) -> WeConnectUser? {
        let wanted = email.lowercased()
        return userOrder.compactMap { usersByID[$0] }.first {
            $0.email.lowercased() == wanted && $0.password == password
        }
    }

    func user(id: Int) -> WeConnectUser? {
        usersByID[id]
    }

    /// A fresh token id: 80 hex digits like the document's Passport `jti`, from a seeded stream.
    func nextTokenID() -> String {
        tokensIssued += 1
        var random = SeededRandom(seed: settings.seed, stream: 8_000_000 + tokensIssued)
        return SandboxIdentifiers.hex(random.bytes(40))
    }

    /// The user's LinkedIn accounts: the dataset's, then those added at runtime.
    func accounts(ofUser userID: Int) -> [WeConnectAccount] {
        (usersByID[userID]?.accounts ?? []) + (addedAccounts[userID] ?? [])
    }

    /// Adds a LinkedIn account for the user; 422 when any user already has that email. Its
    /// `account-status-updated` event follows `actionDelay` later.
    func addAccount(userID: Int, email: String) throws(WeConnectError) -> WeConnectAccount {
        let taken = userOrder.contains { id in
            accounts(ofUser: id).contains { $0.email.lowercased() == email.lowercased() }
        }
        if taken { throw .validation([("email", "The email has already been taken.")]) }
        let account = WeConnectAccount(accountID: nextAccountID, email: email)
        nextAccountID += 1
        addedAccounts[userID, default: []].append(account)
        announcements.append(AccountAnnouncement(
            due: clock.epochSeconds() + settings.actionDelay, userID: userID, account: account))
        return account
    }

    // MARK: Actions

    /// Records a new action and returns its request id. Outcome (assumption, seeded per server by
    /// submission number): the first `message` submitted succeeds and gets a reply; otherwise about
    /// one in seven actions ends `Completed_Failed` and about half of the successful messages get a
    /// reply.
    func submit(
        userID: Int, accountID: Int, linkedin: String, type: WeConnectActionType, message: String?
    ) -> String {
        let now = clock.epochSeconds()
        advance(to: now)
        submissions += 1
        var random = SeededRandom(seed: settings.seed, stream: 7_000_000 + submissions)
        var requestID = SandboxIdentifiers.uuid(&random)
        while actions[requestID] != nil { requestID = SandboxIdentifiers.uuid(&random) }
        let firstMessage = type == .message && messageSubmissions == 0
        if type == .message { messageSubmissions += 1 }
        let failed = !firstMessage && random.chance(14)
        let willReply = type == .message && !failed && (firstMessage || random.chance(50))
        let replies = WeConnectNamePools.inboundReplies
        sequence += 1
        actions[requestID] = ActionRecord(
            requestID: requestID, userID: userID, accountID: accountID, linkedin: linkedin, type: type,
            message: message, finalStatus: failed ? .completedFailed : .completedSuccess, willReply: willReply,
            replyContent: replies[random.int(in: 0...replies.count - 1)], sequence: sequence,
            settlesAt: now + settings.actionDelay, settled: false, replyDelivered: false)
        unsettled.append(requestID)
        return requestID
    }

    /// The user's action with this id, as it stands now.
    func action(requestID: String, userID: Int) -> ActionRecord? {
        advance(to: clock.epochSeconds())
        guard let record = actions[requestID], record.userID == userID else { return nil }
        return record
    }

    // MARK: Threads

    /// `limit` of the user's threads from `offset` on, newest last message first (ties by id), how
    /// many the user has, and the time they were read at.
    func threadPage(ofUser userID: Int, offset: Int, limit: Int) -> (threads: [WeConnectThread], total: Int, now: Double) {
        let now = clock.epochSeconds()
        advance(to: now)
        let order = listingOrder[userID] ?? (threadIDsByUser[userID] ?? []).compactMap { threads[$0] }.sorted { left, right in
            let a = left.lastMessage?.epoch ?? 0, b = right.lastMessage?.epoch ?? 0
            return a != b ? a > b : left.id < right.id
        }.map(\.id)
        listingOrder[userID] = order
        let page = offset < order.count ? order[offset..<min(order.count, offset + max(0, limit))] : []
        return (page.compactMap { threads[$0] }, order.count, now)
    }

    /// The user's thread with this id, and the time it was read at.
    func thread(id: String, userID: Int) -> (thread: WeConnectThread, now: Double)? {
        let now = clock.epochSeconds()
        advance(to: now)
        guard let thread = threads[id], thread.userID == userID else { return nil }
        return (thread, now)
    }

    /// Adds a message to a thread (epoch now when nil); false when there is no such thread. An
    /// inbound message marks the thread unread, an outbound one read.
    func appendMessage(
        threadID: String, direction: WeConnectMessageDirection, content: String, epoch: Int64?
    ) -> Bool {
        let now = clock.epochSeconds()
        advance(to: now)
        guard var thread = threads[threadID] else { return false }
        let name = direction == .inbound ? thread.profile.name : (usersByID[thread.userID]?.fullname ?? "")
        thread.insert(WeConnectMessage(
            direction: direction, senderName: name, content: content,
            epoch: epoch ?? Int64(now.rounded(.down))))
        thread.read = direction == .outbound
        threads[threadID] = thread
        listingOrder[thread.userID] = nil
        return true
    }

    /// Puts a message of `record` into the user's thread with its prospect, creating the thread
    /// (profile from the dataset's directory, else guessed from the slug) when there is none.
    private func deliver(
        _ record: ActionRecord, direction: WeConnectMessageDirection, content: String, epoch: Int64
    ) {
        let key = Self.normalisedSlug(record.linkedin)
        let existing = threads.values
            .filter { $0.userID == record.userID && Self.normalisedSlug($0.profile.linkedin) == key }
            .min { $0.id < $1.id }
        listingOrder[record.userID] = nil
        let profile = existing?.profile ?? directory[key] ?? Self.profile(fromSlug: record.linkedin)
        let name = direction == .inbound ? profile.name : (usersByID[record.userID]?.fullname ?? "")
        let message = WeConnectMessage(direction: direction, senderName: name, content: content, epoch: epoch)
        if var thread = existing {
            thread.insert(message)
            thread.read = direction == .outbound
            threads[thread.id] = thread
            return
        }
        createdThreads += 1
        var random = SeededRandom(seed: settings.seed, stream: 7_500_000 + createdThreads)
        var id = WeConnectIdentifiers.threadID(&random, ordinal: threads.count + 1)
        while threads[id] != nil { id = WeConnectIdentifiers.threadID(&random, ordinal: threads.count + 1) }
        threads[id] = WeConnectThread(
            id: id, userID: record.userID, profile: profile, messages: [message], read: direction == .outbound)
        threadIDsByUser[record.userID, default: []].append(id)
    }

    /// Slugs compare percent-decoded and case-insensitively (vendors differ in both).
    static func normalisedSlug(_ slug: String) -> String {
        (slug.removingPercentEncoding ?? slug).lowercased()
    }

    /// A minimal profile for a prospect known only by slug.
    static func profile(fromSlug slug: String) -> WeConnectProfile {
        let name = WeConnectSlug.name(from: slug)
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        return WeConnectProfile(
            name: name, firstName: parts.first ?? name, lastName: parts.count > 1 ? parts[1] : "", job: "",
            company: "", location: "", linkedin: slug, presentCompany: "", title: "", pictureID: nil)
    }
}
