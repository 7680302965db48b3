/// The endpoints under `/api/v1/`. `send_connection_request` and `send_message` are named by the
/// sandbox (assumption: the document names only `get_response`, `get_connection_status` and
/// `personal_message_threads`). The account management APIs the document mentions are not emulated.
enum WeLinkEndpoint: String, Sendable, CaseIterable {
    case sendConnectionRequest = "send_connection_request"
    case sendMessage = "send_message"
    case getConnectionStatus = "get_connection_status"
    case personalMessageThreads = "personal_message_threads"
    case getResponse = "get_response"

    /// The path below the vendor prefix.
    var path: String { WeLinkVendor.apiPrefix + rawValue }
}
