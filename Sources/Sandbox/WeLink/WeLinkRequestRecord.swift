/// A request of the generated history: submitted through We-Link before the sandbox started
/// ("elsewhere"), so `get_response` knows it. Times are seconds since 1970.
///
/// Most are final from the start. Those with `settlesAfterStart` were submitted moments before the
/// server started: they read `PENDING` until the configured processing delay after the server's
/// first start, then end as `finalStatus` (and, when `willReply`, get their reply the reply delay
/// later); their `sentAt` and `repliedAt` are nil here because they are only known at run time.
public struct WeLinkRequestRecord: Sendable, Hashable, Codable {
    /// A version 4 UUID string.
    public let requestID: String
    public let accountID: String
    public let type: WeLinkRequestType
    /// The profile URL as the request gave it (forms vary, see `WeLinkProfileURL`).
    public let profileURL: String
    /// The prospect's normalised slug (`WeLinkProfileURL.slug(from: profileURL)`).
    public let slug: String
    /// The prospect's display name.
    public let name: String
    /// The message text, or the connection note (nil when the invitation had none).
    public let message: String?
    public let submittedAt: Int64
    public let finalStatus: WeLinkOutcome
    /// When the invitation or message went out; nil when it failed (or settles after start).
    public let sentAt: Int64?
    /// Connections only: when the invitation was accepted, nil when it was not (yet).
    public let acceptedAt: Int64?
    /// Messages only: when the prospect replied to this message, nil when there is no reply.
    public let repliedAt: Int64?
    /// The reply's text, whenever the message gets a reply.
    public let replyText: String?
    /// Still pending when the server starts (see the type's summary).
    public let settlesAfterStart: Bool
    /// Messages only: whether a reply comes (already came, when not `settlesAfterStart`).
    public let willReply: Bool

    public init(
        requestID: String, accountID: String, type: WeLinkRequestType, profileURL: String, slug: String,
        name: String, message: String?, submittedAt: Int64, finalStatus: WeLinkOutcome, sentAt: Int64?,
        acceptedAt: Int64?, repliedAt: Int64?, replyText: String?, settlesAfterStart: Bool, willReply: Bool
    ) {
        self.requestID = requestID
        self.accountID = accountID
        self.type = type
        self.profileURL = profileURL
        self.slug = slug
        self.name = name
        self.message = message
        self.submittedAt = submittedAt
        self.finalStatus = finalStatus
        self.sentAt = sentAt
        self.acceptedAt = acceptedAt
        self.repliedAt = repliedAt
        self.replyText = replyText
        self.settlesAfterStart = settlesAfterStart
        self.willReply = willReply
    }

    /// True when it ended (or will end) `SUCCESS`.
    public var succeeded: Bool { finalStatus == .success }
}
