/// The account's standard (`st`) LinkedIn conversation with one person: one thread, oldest message
/// first.
public struct LinkedAPIConversation: Sendable, Hashable, Codable {
    /// The normalised slug of the person.
    public let slug: String
    /// The person's profile URL as the dataset writes it.
    public let personURL: String
    public let threadId: String
    public var messages: [LinkedAPIMessage]

    public init(slug: String, personURL: String, threadId: String, messages: [LinkedAPIMessage]) {
        self.slug = slug
        self.personURL = personURL
        self.threadId = threadId
        self.messages = messages
    }
}
