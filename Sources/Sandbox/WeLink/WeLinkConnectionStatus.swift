/// `result.connection_status` of `get_connection_status`.
public enum WeLinkConnectionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Invited, not (yet) accepted.
    case pending = "PENDING"
    /// Invited and accepted.
    case alreadyConnected = "ALREADY_CONNECTED"
    /// Never invited through We-Link, or the invitation failed.
    case notConnected = "NOT_CONNECTED"
}
