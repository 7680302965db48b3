/// A LinkedIn account a WeConnect user added (`/api/beta/ln/add`); actions are sent through it.
public struct WeConnectAccount: Sendable, Hashable, Codable {
    public let accountID: Int
    /// The LinkedIn login email (`account_email`).
    public let email: String

    public init(accountID: Int, email: String) {
        self.accountID = accountID
        self.email = email
    }
}
