/// A Linked API answer other than 200: HTTP status, body and extra headers. Account API errors
/// are `{"success": false, "error": {"type", "message"}}` (the shape of its other documented
/// error bodies; assumption for 404, 405 and 400, whose types are the sandbox's own).
struct LinkedAPIError: Error, Sendable {
    let status: Int
    let body: JSONValue
    var headers: [(name: String, value: String)] = []

    static func failure(_ status: Int, type: String, message: String) -> LinkedAPIError {
        LinkedAPIError(status: status, body: [
            "success": false, "error": ["type": .string(type), "message": .string(message)],
        ])
    }

    static let invalidLinkedApiToken = failure(
        401, type: "invalidLinkedApiToken", message: "The linked-api-token header is missing or invalid.")

    static let invalidIdentificationToken = failure(
        401, type: "invalidIdentificationToken", message: "The identification-token header is missing or invalid.")

    static func notFound(_ endpoint: String) -> LinkedAPIError {
        failure(404, type: "notFound", message: "No endpoint at \(endpoint).")
    }

    static func methodNotAllowed(_ method: String, allowed: String) -> LinkedAPIError {
        var error = failure(405, type: "methodNotAllowed", message: "\(method) is not allowed here; use \(allowed).")
        error.headers = [("Allow", allowed)]
        return error
    }

    static func invalidRequest(_ message: String) -> LinkedAPIError {
        failure(400, type: "invalidRequest", message: message)
    }

    /// A result link whose hash names no workflow: the workflow status shape.
    static let workflowNotFound = LinkedAPIError(status: 404, body: [
        "status": "failed",
        "error": ["type": "workflowNotFound", "message": "No workflow found for this result link."],
    ])
}
