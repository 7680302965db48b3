/// One conversation of an account with a prospect, as `personal_message_threads` lists it. Times
/// are seconds since 1970 (the API writes them ISO 8601 UTC).
public struct WeLinkThread: Sendable, Hashable, Codable {
    /// Opaque, `2-` and base64 like LinkedIn's conversation ids (the shape is assumed).
    public let threadID: String
    public let accountID: String
    /// The prospect's normalised public slug (`profile_id`).
    public let profileID: String
    public let fullName: String
    /// The profile URL as the message that opened the thread wrote it.
    public let profileURL: String
    /// When the first message was sent.
    public let createdAt: Int64
    /// The newest activity. No activity but messages is modelled, so this always equals
    /// `lastMessageAt` (assumption: the document names both fields without telling them apart).
    public internal(set) var lastActivityAt: Int64
    /// The newest message either way.
    public internal(set) var lastMessageAt: Int64
    /// Replies received since the account last wrote (sending a message reads the thread).
    public internal(set) var unreadCount: Int

    public init(
        threadID: String, accountID: String, profileID: String, fullName: String, profileURL: String,
        createdAt: Int64, lastActivityAt: Int64, lastMessageAt: Int64, unreadCount: Int
    ) {
        self.threadID = threadID
        self.accountID = accountID
        self.profileID = profileID
        self.fullName = fullName
        self.profileURL = profileURL
        self.createdAt = createdAt
        self.lastActivityAt = lastActivityAt
        self.lastMessageAt = lastMessageAt
        self.unreadCount = unreadCount
    }

    /// A message went out at `epoch`: the thread is read and its last message is this one.
    mutating func recordOutbound(at epoch: Int64) {
        lastMessageAt = max(lastMessageAt, epoch)
        lastActivityAt = max(lastActivityAt, epoch)
        unreadCount = 0
    }

    /// A reply came in at `epoch`.
    mutating func recordInbound(at epoch: Int64) {
        lastMessageAt = max(lastMessageAt, epoch)
        lastActivityAt = max(lastActivityAt, epoch)
        unreadCount += 1
    }
}
