import Chronology
import Foundation

/// The We-Link emulator's live state: requests and their outcomes, invitations, threads, the rate
/// limiter, and the queue of webhook bodies.
///
/// Time only moves forward through `advance(to:)`, which every entry point calls first with one
/// reading of the clock: due requests finish, due replies arrive, and each change queues its new
/// `get_response` body for the webhook. So an HTTP answer and the webhook never disagree, and the
/// emulator's ticker only has to drain the queue.
///
/// Outcomes of runtime requests (assumptions; the document is silent):
/// - No LinkedIn profile URL, or a person the dataset knows does not exist (an invitation of the
///   history ended `PROFILE_NOT_FOUND`): `PROFILE_NOT_FOUND`.
/// - Invitation to someone already invited (pending or accepted) by the account: `CONNECTION_FAILED`;
///   otherwise it is sent and the person's status becomes `PENDING` (never accepted at run time).
/// - Message to someone with a pending invitation, or to a person of the account's history who is
///   not a connection: `MESSAGE_FAILED` (LinkedIn only lets members message connections). People
///   the dataset knows nothing about count as connected outside We-Link: the message is sent, and
///   the person replies (`replyDelay` later) when `WeLinkDataset.prospectReplies(to:)` says so.
/// - Dataset requests and their effects never count against the rate limit.
actor WeLinkState {
    /// The timing, limits and seed the state runs with.
    struct Settings: Sendable {
        /// Seconds from submission (or, for the dataset's recent requests, from the server's first
        /// start) until a request finishes.
        var processingDelay: Double
        /// Seconds from a message being sent until its reply arrives.
        var replyDelay: Double
        var requestsPerWindow: Int
        /// Seconds.
        var window: Double
        var seed: UInt64

        init(configuration: SandboxConfiguration) {
            processingDelay = configuration.weLinkProcessingDelay.timeInterval
            replyDelay = configuration.weLinkReplyDelay.timeInterval
            requestsPerWindow = configuration.weLinkRequestsPerWindow
            window = configuration.weLinkWindow.timeInterval
            seed = configuration.weLinkSeed
        }
    }

    private let settings: Settings
    private let clock: SandboxClock
    private var requests: [String: WeLinkLiveRequest] = [:]
    /// Ids of requests with a transition still to come.
    private var live: [String] = []
    /// Account → slug → accepted.
    private var invitations: [String: [String: Bool]] = [:]
    /// Account → the slugs of its dataset requests.
    private let knownProspects: [String: Set<String>]
    private let missingProfiles: Set<String>
    /// Account → slug → thread.
    private var threads: [String: [String: WeLinkThread]] = [:]
    private let names: [String: String]
    private var limiter: WeLinkRateLimiter
    private var outbox: [JSONValue] = []
    private var sequence = 0
    private var submissions: UInt64 = 0
    private var createdThreads: UInt64 = 0
    private var started = false

    init(dataset: WeLinkDataset, settings: Settings, clock: SandboxClock = .system) {
        self.settings = settings
        self.clock = clock
        limiter = WeLinkRateLimiter(limit: settings.requestsPerWindow, window: settings.window)
        var known: [String: Set<String>] = [:]
        var missing = Set<String>()
        var names: [String: String] = [:]
        for record in dataset.requests {
            known[record.accountID, default: []].insert(record.slug)
            names[record.slug] = names[record.slug] ?? record.name
            if record.finalStatus == .profileNotFound { missing.insert(record.slug) }
            sequence += 1
            var request = WeLinkLiveRequest(
                id: record.requestID, accountID: record.accountID,
                kind: record.type == .connect ? .connect(note: record.message) : .message(text: record.message ?? ""),
                profileURL: record.profileURL, slug: record.slug, sequence: sequence,
                fixedOutcome: record.finalStatus)
            request.willReply = record.willReply
            request.replyText = record.replyText
            if !record.settlesAfterStart {
                request.outcome = record.finalStatus
                request.sentAt = record.sentAt
                request.repliedAt = record.repliedAt
                if record.type == .connect, record.succeeded {
                    invitations[record.accountID, default: [:]][record.slug] = record.acceptedAt != nil
                }
                request.result = Self.successResult(request)
            } else {
                live.append(record.requestID)
            }
            requests[record.requestID] = request
        }
        for thread in dataset.threads {
            threads[thread.accountID, default: [:]][thread.profileID] = thread
        }
        knownProspects = known
        missingProfiles = missing
        self.names = names
    }

    // MARK: Time

    /// Starts the clock of the dataset's recent requests (first start only): they finish
    /// `processingDelay` from now.
    func serverStarted() {
        guard !started else { return }
        started = true
        let time = clock.epochSeconds()
        for id in live where requests[id]?.settlesAt == nil {
            requests[id]?.settlesAt = time + settings.processingDelay
        }
    }

    /// Applies every transition due at `time`, earliest first (ties: finishing before replying,
    /// then order of creation), queueing each new body for the webhook.
    private func advance(to time: Double) {
        while let due = nextDue(at: time), var request = requests[due.id] {
            let id = due.id
            if due.isReply {
                request.repliedAt = Int64(due.at.rounded(.down))
                if let slug = request.slug { threads[request.accountID]?[slug]?.recordInbound(at: request.repliedAt ?? 0) }
            } else {
                settle(&request, at: due.at)
            }
            request.result = request.outcome == .success ? (Self.successResult(request) ?? request.result) : nil
            requests[id] = request
            outbox.append(request.body)
            if !request.isLive { live.removeAll { $0 == id } }
        }
    }

    private func nextDue(at time: Double) -> (id: String, isReply: Bool, at: Double)? {
        var best: (key: (Double, Int, Int), id: String)?
        for id in live {
            guard let request = requests[id] else { continue }
            var due: (Double, Int, Int)?
            if request.outcome == nil, let at = request.settlesAt, at <= time {
                due = (at, 0, request.sequence)
            } else if request.outcome != nil, request.willReply, request.repliedAt == nil,
                      let at = request.repliesAt, at <= time {
                due = (at, 1, request.sequence)
            }
            guard let due else { continue }
            if let current = best, current.key <= due { continue }
            best = (due, id)
        }
        return best.map { ($0.id, $0.key.1 == 1, $0.key.0) }
    }

    /// Finishes `request` at `time`: decides its outcome (see the type's summary) and applies it.
    private func settle(_ request: inout WeLinkLiveRequest, at time: Double) {
        let epoch = Int64(time.rounded(.down))
        let account = request.accountID
        let slug = request.slug
        let exists = slug.map { !missingProfiles.contains($0) } ?? false
        switch request.kind {
        case .connect:
            var outcome = request.fixedOutcome ?? .success
            if request.fixedOutcome == nil {
                if !exists { outcome = .profileNotFound }
                else if let slug, status(account, slug) != .notConnected { outcome = .connectionFailed }
            }
            request.outcome = outcome
            if outcome == .success, let slug {
                request.sentAt = epoch
                invitations[account, default: [:]][slug] = false
            }
        case .message:
            var outcome = request.fixedOutcome ?? .success
            if request.fixedOutcome == nil {
                if !exists {
                    outcome = .profileNotFound
                } else if let slug {
                    let current = status(account, slug)
                    let known = knownProspects[account]?.contains(slug) ?? false
                    if current == .pending || (known && current == .notConnected) { outcome = .messageFailed }
                }
                if outcome == .success, let slug {
                    let draw = WeLinkDataset.replyDraw(seed: settings.seed, slug: slug)
                    request.willReply = draw.replies
                    request.replyText = draw.text
                }
            }
            request.outcome = outcome
            if outcome == .success, let slug {
                request.sentAt = epoch
                recordOutbound(account: account, slug: slug, profileURL: request.profileURL, at: epoch)
                if request.willReply { request.repliesAt = time + settings.replyDelay }
            } else {
                request.willReply = false
            }
        case .connectionStatus:
            if exists, let slug {
                request.outcome = .success
                request.result = WeLinkResult.connectionStatus(
                    accountID: account, profileURL: request.profileURL, status: status(account, slug))
            } else {
                request.outcome = .profileNotFound
            }
        case .threads(let after, let limit):
            let all = (threads[account] ?? [:]).values.sorted(by: WeLinkGenerator.newestFirst)
            let remaining = after.map { cursor in all.filter { cursor.precedes($0) } } ?? all
            let page = Array(remaining.prefix(limit))
            let next = remaining.count > page.count ? page.last.map { WeLinkThreadCursor(after: $0).encoded } : nil
            request.outcome = .success
            request.result = WeLinkResult.threads(accountID: account, page: page, nextCursor: next)
        }
    }

    /// The result of a successful connect or message as it stands; nil for other kinds (their
    /// result is fixed when they finish).
    private static func successResult(_ request: WeLinkLiveRequest) -> JSONValue? {
        guard request.outcome == .success, let sentAt = request.sentAt else { return nil }
        switch request.kind {
        case .connect:
            return WeLinkResult.connectionSent(accountID: request.accountID, profileURL: request.profileURL, sentAt: sentAt)
        case .message:
            return WeLinkResult.message(
                accountID: request.accountID, profileURL: request.profileURL, sentAt: sentAt,
                repliedAt: request.repliedAt, replyText: request.replyText)
        case .connectionStatus, .threads:
            return nil
        }
    }

    private func status(_ account: String, _ slug: String) -> WeLinkConnectionStatus {
        switch invitations[account]?[slug] {
        case true?: .alreadyConnected
        case false?: .pending
        case nil: .notConnected
        }
    }

    /// A message went out: the person's thread is updated, or made.
    private func recordOutbound(account: String, slug: String, profileURL: String, at epoch: Int64) {
        if threads[account]?[slug] != nil {
            threads[account]?[slug]?.recordOutbound(at: epoch)
            return
        }
        createdThreads += 1
        var random = SeededRandom(seed: settings.seed, stream: 9_500_000 + createdThreads)
        let taken = Set(threads.values.flatMap { $0.values.map(\.threadID) })
        var id = WeConnectIdentifiers.threadID(&random, ordinal: taken.count + 1)
        while taken.contains(id) { id = WeConnectIdentifiers.threadID(&random, ordinal: taken.count + 1) }
        threads[account, default: [:]][slug] = WeLinkThread(
            threadID: id, accountID: account, profileID: slug, fullName: names[slug] ?? WeConnectSlug.name(from: slug),
            profileURL: profileURL, createdAt: epoch, lastActivityAt: epoch, lastMessageAt: epoch, unreadCount: 0)
    }

    // MARK: Requests

    /// Counts a request of `account` against its limit (429 when over) and starts it; returns its id.
    func submit(accountID: String, kind: WeLinkLiveRequest.Kind, profileURL: String?) throws(WeLinkError) -> String {
        let time = clock.epochSeconds()
        advance(to: time)
        try admit(accountID, at: time)
        submissions += 1
        var random = SeededRandom(seed: settings.seed, stream: 8_000_000 + submissions)
        var id = SandboxIdentifiers.uuid(&random)
        while requests[id] != nil { id = SandboxIdentifiers.uuid(&random) }
        sequence += 1
        var request = WeLinkLiveRequest(
            id: id, accountID: accountID, kind: kind, profileURL: profileURL ?? "",
            slug: profileURL.flatMap(WeLinkProfileURL.slug(from:)), sequence: sequence, fixedOutcome: nil)
        request.settlesAt = time + settings.processingDelay
        requests[id] = request
        live.append(id)
        return id
    }

    /// The `get_response` body of `requestID`, counted against the account that owns the request.
    func response(requestID: String) throws(WeLinkError) -> JSONValue {
        let time = clock.epochSeconds()
        advance(to: time)
        guard let request = requests[requestID] else { throw .requestNotFound(requestID) }
        try admit(request.accountID, at: time)
        return request.body
    }

    private func admit(_ accountID: String, at time: Double) throws(WeLinkError) {
        if let retryAfter = limiter.admit(accountID, now: time) {
            throw .rateLimited(limit: settings.requestsPerWindow, window: settings.window, retryAfter: retryAfter)
        }
    }

    /// Advances to now and hands out the queued webhook bodies, in order.
    func drainWebhooks() -> [JSONValue] {
        advance(to: clock.epochSeconds())
        defer { outbox.removeAll() }
        return outbox
    }
}
