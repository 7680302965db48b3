/// Everything the WeConnect sandbox starts with: users (with their LinkedIn accounts), their
/// conversation threads and the actions they submitted before the server started.
public struct WeConnectDataset: Sendable, Hashable, Codable {
    public let users: [WeConnectUser]
    public let threads: [WeConnectThread]
    public let actions: [WeConnectAction]
    /// First day of the generated window, `YYYY-MM-DD`.
    public let startDate: String
    /// Last day of the generated window, `YYYY-MM-DD`.
    public let endDate: String

    public init(
        users: [WeConnectUser], threads: [WeConnectThread], actions: [WeConnectAction], startDate: String,
        endDate: String
    ) {
        self.users = users
        self.threads = threads
        self.actions = actions
        self.startDate = startDate
        self.endDate = endDate
    }

    /// The user with this id.
    public func user(id: Int) -> WeConnectUser? {
        users.first { $0.id == id }
    }

    /// The thread with this id.
    public func thread(id: String) -> WeConnectThread? {
        threads.first { $0.id == id }
    }

    /// The user's threads, in dataset order.
    public func threads(ofUser userID: Int) -> [WeConnectThread] {
        threads.filter { $0.userID == userID }
    }

    /// The user's actions, in dataset order.
    public func actions(ofUser userID: Int) -> [WeConnectAction] {
        actions.filter { $0.userID == userID }
    }
}
