/// A LinkedIn account ("linkedin user") that sends campaigns in the Konnector sandbox.
public struct KonnectorSender: Sendable, Hashable, Codable {
    /// The encrypted-looking `linkedin_user_information_id` (standard base64, may hold `+ / =`).
    public let id: String
    public let name: String
    public let email: String
    /// `active` or `inactive`.
    public let status: String

    public init(id: String, name: String, email: String, status: String) {
        self.id = id
        self.name = name
        self.email = email
        self.status = status
    }
}
