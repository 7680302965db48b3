/// A WeConnect user: the credentials `/api/beta/login` accepts and the LinkedIn accounts they own.
public struct WeConnectUser: Sendable, Hashable, Codable {
    /// The login answer's `id`, also the suffix of the private channel `private-status-updates-<id>`.
    public let id: Int
    public let email: String
    public let password: String
    public let fullname: String
    /// The login answer's `active_account`: the email of the LinkedIn account in use.
    public let activeAccount: String
    public let accounts: [WeConnectAccount]

    public init(
        id: Int, email: String, password: String, fullname: String, activeAccount: String,
        accounts: [WeConnectAccount]
    ) {
        self.id = id
        self.email = email
        self.password = password
        self.fullname = fullname
        self.activeAccount = activeAccount
        self.accounts = accounts
    }
}
