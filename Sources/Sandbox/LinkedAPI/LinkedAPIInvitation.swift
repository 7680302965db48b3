/// A connection invitation the account sent: the truth behind `st.checkConnectionStatus` and the
/// `network.connectionAccepted` events.
public struct LinkedAPIInvitation: Sendable, Hashable, Codable {
    /// Stable for a given seed and scale (`inv-0001`, in generation order; runtime ones `inv-run-1`).
    public let id: String
    /// The profile URL as the dataset writes it (forms vary: trailing slash, query, upper case,
    /// locale segment, no `www.`).
    public let personURL: String
    /// The normalised slug (lower case, percent-decoded) the URL names.
    public let slug: String
    public let name: String
    /// When it was sent, seconds since 1970 (UTC).
    public let sentAt: Int64
    /// When the person accepted, seconds since 1970; nil while not accepted.
    public var acceptedAt: Int64?
    /// The account withdrew it (it is then neither pending nor accepted).
    public let withdrawn: Bool
    /// Pending when the server starts and accepted `linkedAPIAcceptanceDelay` after its first start.
    public let acceptsLive: Bool

    public init(
        id: String, personURL: String, slug: String, name: String, sentAt: Int64, acceptedAt: Int64?,
        withdrawn: Bool, acceptsLive: Bool
    ) {
        self.id = id
        self.personURL = personURL
        self.slug = slug
        self.name = name
        self.sentAt = sentAt
        self.acceptedAt = acceptedAt
        self.withdrawn = withdrawn
        self.acceptsLive = acceptsLive
    }

    /// Still waiting for the person's answer.
    public var isPending: Bool { acceptedAt == nil && !withdrawn }
}
