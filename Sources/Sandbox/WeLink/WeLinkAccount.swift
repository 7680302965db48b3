/// A LinkedIn account connected to the We-Link user's workspace: every asynchronous endpoint names
/// one by `accountId`, and the rate limit is counted per account.
public struct WeLinkAccount: Sendable, Hashable, Codable {
    /// A string of digits, e.g. `48213` (the document shows no account id; the shape is assumed).
    public let id: String
    public let name: String
    public let email: String

    public init(id: String, name: String, email: String) {
        self.id = id
        self.name = name
        self.email = email
    }
}
