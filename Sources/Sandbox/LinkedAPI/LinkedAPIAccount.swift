/// The one LinkedIn account the sandbox's Linked API user has connected (the tokens belong to it).
public struct LinkedAPIAccount: Sendable, Hashable, Codable {
    /// The account's id, as `network.connectionAccepted` events carry it in `data.accountId`.
    public let accountId: String
    public let name: String

    public init(accountId: String, name: String) {
        self.accountId = accountId
        self.name = name
    }
}
