/// A LinkedIn member the sandbox knows but the account never invited (`notConnected`).
public struct LinkedAPIMember: Sendable, Hashable, Codable {
    /// The profile URL as the dataset writes it.
    public let personURL: String
    /// The normalised slug (lower case, percent-decoded).
    public let slug: String
    public let name: String

    public init(personURL: String, slug: String, name: String) {
        self.personURL = personURL
        self.slug = slug
        self.name = name
    }
}
