/// Supplies the headers that authenticate a session's requests, for vendors whose credentials
/// are exchanged for an expiring token (WeConnect's login). A 401 makes the session call
/// `invalidate()` and try once more with fresh headers.
public protocol Authenticator: Sendable {
    func headers(for session: FetchSession) async throws -> [String: String]
    func invalidate() async
}
