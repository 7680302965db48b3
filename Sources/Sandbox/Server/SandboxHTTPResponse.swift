import Foundation

/// A response a vendor emulator produced, before it becomes a Hummingbird `Response`.
struct SandboxHTTPResponse: Sendable {
    let status: Int
    /// Extra headers in order (Content-Type is derived from `contentType`).
    var headers: [(name: String, value: String)]
    let contentType: String
    let body: Data

    init(status: Int, headers: [(name: String, value: String)] = [], contentType: String, body: Data) {
        self.status = status
        self.headers = headers
        self.contentType = contentType
        self.body = body
    }

    /// A JSON response.
    static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = []) -> Self {
        SandboxHTTPResponse(
            status: status, headers: headers, contentType: "application/json; charset=utf-8", body: value.encoded())
    }
}
