/// What a request of the generated history did.
public enum WeLinkRequestType: String, Sendable, Hashable, Codable, CaseIterable {
    /// `send_connection_request`.
    case connect
    /// `send_message`.
    case message
}
