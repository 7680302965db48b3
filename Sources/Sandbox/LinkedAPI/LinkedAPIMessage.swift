/// One message of a Linked API conversation, as `/account/conversations/poll` returns it.
public struct LinkedAPIMessage: Sendable, Hashable, Codable {
    public let id: String
    public let sender: LinkedAPIMessageSender
    public let text: String
    /// When it was sent, seconds since 1970 (UTC); the API writes it ISO 8601 with `Z`.
    public let time: Int64
    public let threadId: String

    public init(id: String, sender: LinkedAPIMessageSender, text: String, time: Int64, threadId: String) {
        self.id = id
        self.sender = sender
        self.text = text
        self.time = time
        self.threadId = threadId
    }
}
