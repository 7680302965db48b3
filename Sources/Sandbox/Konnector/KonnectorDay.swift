/// One campaign's activity on one calendar day, as the sandbox serves it in its daily series.
public struct KonnectorDay: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`.
    public let date: String
    /// Prospects added to the campaign that day.
    public let membersAdded: Int
    /// Connection requests sent that day.
    public let requestsSent: Int
    /// Connection requests accepted that day (of requests sent that day or earlier).
    public let requestsAccepted: Int
    /// Messages sent that day.
    public let messagesSent: Int
    /// Replies received that day (to messages sent that day or earlier).
    public let messagesReplied: Int

    public init(
        date: String, membersAdded: Int, requestsSent: Int, requestsAccepted: Int, messagesSent: Int,
        messagesReplied: Int
    ) {
        self.date = date
        self.membersAdded = membersAdded
        self.requestsSent = requestsSent
        self.requestsAccepted = requestsAccepted
        self.messagesSent = messagesSent
        self.messagesReplied = messagesReplied
    }
}
