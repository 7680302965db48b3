/// Everything the We-Link sandbox starts with: the workspace's LinkedIn accounts, the requests
/// they submitted before the server started (with their outcomes, acceptances and replies), and
/// the message threads those requests made.
public struct WeLinkDataset: Sendable, Hashable, Codable {
    public let accounts: [WeLinkAccount]
    /// Every account's requests, each account's in order of submission.
    public let requests: [WeLinkRequestRecord]
    /// Every account's threads as `personal_message_threads` lists them before the server starts
    /// (the recent requests change them later): newest `lastActivityAt` first, ties by thread id.
    public let threads: [WeLinkThread]
    /// First day of the generated window, `YYYY-MM-DD`.
    public let startDate: String
    /// Last day of the generated window, `YYYY-MM-DD`.
    public let endDate: String
    /// The seed the outcomes of requests made at run time are drawn from.
    public let seed: UInt64

    public init(
        accounts: [WeLinkAccount], requests: [WeLinkRequestRecord], threads: [WeLinkThread], startDate: String,
        endDate: String, seed: UInt64
    ) {
        self.accounts = accounts
        self.requests = requests
        self.threads = threads
        self.startDate = startDate
        self.endDate = endDate
        self.seed = seed
    }

    /// The account with this id.
    public func account(id: String) -> WeLinkAccount? {
        accounts.first { $0.id == id }
    }

    /// The request with this id.
    public func request(id: String) -> WeLinkRequestRecord? {
        requests.first { $0.requestID == id }
    }

    /// The account's requests, in order of submission.
    public func requests(ofAccount accountID: String) -> [WeLinkRequestRecord] {
        requests.filter { $0.accountID == accountID }
    }

    /// The requests still pending when the server starts.
    public var recentRequests: [WeLinkRequestRecord] {
        requests.filter(\.settlesAfterStart)
    }

    /// The account's threads, newest activity first.
    public func threads(ofAccount accountID: String) -> [WeLinkThread] {
        threads.filter { $0.accountID == accountID }
    }

    /// The account's requests to the person of `profileURL` (any form of it), in order of submission.
    public func requests(ofAccount accountID: String, profileURL: String) -> [WeLinkRequestRecord] {
        guard let slug = WeLinkProfileURL.slug(from: profileURL) else { return [] }
        return requests.filter { $0.accountID == accountID && $0.slug == slug }
    }

    /// `get_connection_status` for the person of `profileURL` once every dataset request has
    /// settled (the recent successful invitations count as pending): invited and accepted is
    /// `ALREADY_CONNECTED`, invited and not accepted `PENDING`, anything else `NOT_CONNECTED`.
    /// Invitations sent at run time are not reflected here.
    public func connectionStatus(accountID: String, profileURL: String) -> WeLinkConnectionStatus {
        let invitations = requests(ofAccount: accountID, profileURL: profileURL)
            .filter { $0.type == .connect && $0.succeeded }
        if invitations.contains(where: { $0.acceptedAt != nil }) { return .alreadyConnected }
        return invitations.isEmpty ? .notConnected : .pending
    }

    /// Whether a message sent at run time to the person of `profileURL` gets a reply (when it is
    /// sent at all): a fixed draw per person and seed, about 40% of people. Assumption: the document
    /// says nothing about replies; this makes them predictable for tests.
    public func prospectReplies(to profileURL: String) -> Bool {
        guard let slug = WeLinkProfileURL.slug(from: profileURL) else { return false }
        return Self.replyDraw(seed: seed, slug: slug).replies
    }

    /// The fixed reply draw of a person: whether they reply, and with which text.
    static func replyDraw(seed: UInt64, slug: String) -> (replies: Bool, text: String) {
        // FNV-1a of the slug selects the stream, so the draw does not depend on anything else.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in slug.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var random = SeededRandom(seed: seed, stream: hash)
        let replies = random.chance(40)
        let text = WeLinkNamePools.replies[random.int(in: 0...WeLinkNamePools.replies.count - 1)]
        return (replies, text)
    }
}
