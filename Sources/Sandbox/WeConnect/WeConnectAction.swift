/// An action a user submitted through `/api/beta/ln/send` before the sandbox started ("elsewhere").
///
/// Most are final from the start. Those with `settlesAfterStart` were submitted moments before the
/// server started: they read `Pending` until the configured action delay after the server's first
/// start, then become `finalStatus` (and a replied message gets its reply the reply delay later).
public struct WeConnectAction: Sendable, Hashable, Codable {
    /// A UUID v4 string, as `/api/beta/ln/send` returns.
    public let requestID: String
    public let userID: Int
    public let accountID: Int
    /// The target's profile slug (`linkedin`).
    public let linkedin: String
    public let type: WeConnectActionType
    /// The note (connect) or text (message) sent; nil for the other types.
    public let message: String?
    /// When it was submitted, seconds since 1970.
    public let submittedAt: Int64
    /// `Completed_Success` or `Completed_Failed`.
    public let finalStatus: WeConnectRequestStatus
    /// Message actions only: whether the prospect replied (or, when `settlesAfterStart`, will reply).
    public let replied: Bool?
    /// When the reply came, seconds since 1970; nil when there is none yet.
    public let replyAt: Int64?
    /// Still pending when the server starts (see the type's summary).
    public let settlesAfterStart: Bool

    public init(
        requestID: String, userID: Int, accountID: Int, linkedin: String, type: WeConnectActionType,
        message: String?, submittedAt: Int64, finalStatus: WeConnectRequestStatus, replied: Bool?, replyAt: Int64?,
        settlesAfterStart: Bool
    ) {
        self.requestID = requestID
        self.userID = userID
        self.accountID = accountID
        self.linkedin = linkedin
        self.type = type
        self.message = message
        self.submittedAt = submittedAt
        self.finalStatus = finalStatus
        self.replied = replied
        self.replyAt = replyAt
        self.settlesAfterStart = settlesAfterStart
    }
}
