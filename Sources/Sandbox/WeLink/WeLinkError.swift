/// A We-Link error answer: HTTP status, body `{"status": "<CODE>", "message": ...}` and any headers.
/// The document shows no error bodies; the codes and wording are the sandbox's (assumption), in the
/// shape of the documented failure bodies.
struct WeLinkError: Error, Sendable {
    let status: Int
    let body: JSONValue
    var headers: [(name: String, value: String)] = []

    private init(status: Int, code: String, message: String, extra: [String: JSONValue] = [:],
                 headers: [(name: String, value: String)] = []) {
        var members = extra
        members["status"] = .string(code)
        members["message"] = .string(message)
        self.status = status
        self.body = .object(members)
        self.headers = headers
    }

    /// Wrong or missing `x-api-key` / `x-api-secret`.
    static let unauthorized = WeLinkError(status: 401, code: "UNAUTHORIZED", message: "Invalid API key or secret")

    /// A body that is not a JSON object, or a missing or malformed field.
    static func invalid(_ message: String) -> WeLinkError {
        WeLinkError(status: 400, code: "INVALID_REQUEST", message: message)
    }

    /// No endpoint at this path.
    static func notFound(_ endpoint: String) -> WeLinkError {
        WeLinkError(status: 404, code: "NOT_FOUND", message: "No endpoint at \(endpoint)")
    }

    /// A known endpoint called with another method than POST.
    static func methodNotAllowed(_ method: String, _ endpoint: String) -> WeLinkError {
        WeLinkError(status: 405, code: "METHOD_NOT_ALLOWED", message: "\(method) is not allowed on \(endpoint); use POST",
                    headers: [("Allow", "POST")])
    }

    /// `accountId` names no account of the workspace.
    static func accountNotFound(_ id: String) -> WeLinkError {
        WeLinkError(status: 404, code: "ACCOUNT_NOT_FOUND", message: "Account \(id) not found")
    }

    /// `get_response` with an id the credentials never submitted.
    static func requestNotFound(_ id: String) -> WeLinkError {
        WeLinkError(status: 404, code: "REQUEST_NOT_FOUND", message: "Request not found",
                    extra: ["request_id": .string(id)])
    }

    /// Over the per-account limit; `retryAfter` whole seconds until a request leaves the window.
    static func rateLimited(limit: Int, window: Double, retryAfter: Int) -> WeLinkError {
        WeLinkError(status: 429, code: "RATE_LIMIT_EXCEEDED",
                    message: "Rate limit of \(limit) requests per \(windowPhrase(window)) exceeded",
                    headers: [("Retry-After", String(retryAfter))])
    }

    /// "hour" for the documented window; other (test) windows in the largest whole unit.
    private static func windowPhrase(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole == 3_600 { return "hour" }
        if whole > 0, whole % 3_600 == 0 { return "\(whole / 3_600) hours" }
        if whole > 0, whole % 60 == 0 { return "\(whole / 60) minutes" }
        return seconds == seconds.rounded() ? "\(whole) seconds" : "\(seconds) seconds"
    }
}
