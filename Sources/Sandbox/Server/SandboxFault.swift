import Foundation

/// A canned answer for the next requests whose path ends with `pathSuffix`.
struct SandboxFault: Sendable {
    let pathSuffix: String
    let status: Int
    /// Served verbatim when given; otherwise a standard JSON error body for `status`.
    let body: String?
    /// Sent as the Content-Type when given; otherwise chosen from the body.
    var contentType: String? = nil
    var remaining: Int

    /// The response this fault serves. A body starting with `{` or `[` is sent as JSON, any other
    /// as HTML (the shape a misbehaving proxy or gateway would produce).
    func response(at clock: SandboxClock) -> SandboxHTTPResponse {
        if let body {
            let trimmed = body.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
            let isJSON = trimmed.hasPrefix("{") || trimmed.hasPrefix("[")
            return SandboxHTTPResponse(
                status: status,
                contentType: contentType ?? (isJSON ? "application/json; charset=utf-8" : "text/html; charset=utf-8"),
                body: Data(body.utf8))
        }
        return .json(status, [
            "code": .int(status),
            "status": false,
            "message": "Injected fault",
            "data": [
                "error": "Something went wrong on the server",
                "error_code": status >= 500 ? "INTERNAL_SERVER_ERROR" : "INJECTED_FAULT",
                "request_id": "req_injected",
                "timestamp": .string(clock.isoTimestamp()),
            ],
        ])
    }
}
