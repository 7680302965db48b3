/// WeConnect's endpoints, as `weconnect.txt` names them.
public enum WeConnectAPI {
    public static let login = Endpoint(.post, "/api/beta/login", name: "login")
    public static let messages = Endpoint(.get, "/api/beta/ln/messages", name: "ln/messages")
    public static let thread = Endpoint(.post, "/api/beta/ln/thread", name: "ln/thread")
    /// The document's heading says POST, its example GET; GET is what reading a status means.
    public static let request = Endpoint(.get, "/api/beta/ln/request/{request_id}", name: "ln/request")
    public static let broadcastingAuth = Endpoint(.post, "/broadcasting/auth", name: "broadcasting/auth", body: .form)

    /// The private channel of a user's status updates.
    public static func statusChannel(userID: String) -> String { "private-status-updates-\(userID)" }
}
