/// The organisation the sandbox's API keys belong to.
public struct KonnectorOrganisation: Sendable, Hashable, Codable {
    public let id: Int
    public let name: String
    /// ISO 8601 with `Z`, as served.
    public let createdAt: String
    /// `active`.
    public let subscriptionStatus: String
    /// The address shown as `created_by` for API keys created through `/create-api-key`.
    public let adminEmail: String

    public init(id: Int, name: String, createdAt: String, subscriptionStatus: String, adminEmail: String) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.subscriptionStatus = subscriptionStatus
        self.adminEmail = adminEmail
    }
}
