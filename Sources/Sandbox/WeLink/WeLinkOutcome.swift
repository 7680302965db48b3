/// How a finished We-Link request ended: the `status` of its `get_response` body.
public enum WeLinkOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case success = "SUCCESS"
    /// The profile URL names nobody (or is no LinkedIn profile URL at all).
    case profileNotFound = "PROFILE_NOT_FOUND"
    /// LinkedIn refused the invitation (already connected, or already invited).
    case connectionFailed = "CONNECTION_FAILED"
    /// LinkedIn refused the message (the prospect is not a connection).
    case messageFailed = "MESSAGE_FAILED"

    /// The `message` of the failure body; nil for `success`. The wording is assumed.
    var failureMessage: String? {
        switch self {
        case .success: nil
        case .profileNotFound: "The LinkedIn profile could not be found"
        case .connectionFailed: "The connection request could not be sent"
        case .messageFailed: "The message could not be sent"
        }
    }
}
