/// One LinkedIn conversation of a WeConnect user with one prospect.
public struct WeConnectThread: Sendable, Hashable, Codable {
    /// Opaque id shaped like the document's: `2-` and standard base64 ending in `==`.
    public let id: String
    /// The owning WeConnect user's id.
    public let userID: Int
    public let profile: WeConnectProfile
    /// Oldest first, by `epoch` (the API lists them newest first).
    public internal(set) var messages: [WeConnectMessage]
    /// Whether the user has read the latest message (false after a new inbound message).
    public internal(set) var read: Bool

    public init(id: String, userID: Int, profile: WeConnectProfile, messages: [WeConnectMessage], read: Bool) {
        self.id = id
        self.userID = userID
        self.profile = profile
        self.messages = messages
        self.read = read
    }

    /// The newest message (the `last_message` / `time_stamp` of `/api/beta/ln/messages`).
    public var lastMessage: WeConnectMessage? {
        messages.last
    }

    /// Inserts `message` after every message not newer than it, keeping the order by time.
    mutating func insert(_ message: WeConnectMessage) {
        let index = messages.lastIndex { $0.epoch <= message.epoch }.map { $0 + 1 } ?? 0
        messages.insert(message, at: index)
    }
}
