/// A Konnector error answer: HTTP status plus the documented body
/// `{code, status: false, message, data: {error, error_code, request_id, timestamp}}`.
struct KonnectorError: Error, Sendable, Equatable {
    let status: Int
    let message: String
    let error: String
    let code: String

    /// The documented generic 400 (`INVALID_REQUEST`), used for malformed parameters.
    static func invalidRequest(_ detail: String) -> KonnectorError {
        KonnectorError(status: 400, message: "Invalid parameters", error: detail, code: "INVALID_REQUEST")
    }

    static let invalidDateRange = KonnectorError(
        status: 400, message: "Invalid date range", error: "End date cannot be before start date",
        code: "INVALID_DATE_RANGE")

    static let invalidUserIDs = KonnectorError(
        status: 400, message: "Invalid parameters",
        error: "One or more LinkedIn user information IDs are invalid", code: "INVALID_USER_IDS")

    static let invalidAPIKey = KonnectorError(
        status: 401, message: "Unauthorized access", error: "Invalid API key", code: "INVALID_API_KEY")

    static let missingAPIKey = KonnectorError(
        status: 401, message: "Unauthorized access", error: "Missing API key", code: "INVALID_API_KEY")

    static let unauthorizedAccess = KonnectorError(
        status: 401, message: "Unauthorized access",
        error: "Only organization administrators can create API keys", code: "UNAUTHORIZED_ACCESS")

    static func notFound(_ detail: String) -> KonnectorError {
        KonnectorError(status: 404, message: "Not found", error: detail, code: "NOT_FOUND")
    }

    static func methodNotAllowed(_ allowed: [String]) -> KonnectorError {
        KonnectorError(
            status: 405, message: "Method not allowed",
            error: "This endpoint accepts " + allowed.joined(separator: " and "), code: "METHOD_NOT_ALLOWED")
    }

    /// The documented body of this error.
    func body(requestID: String, timestamp: String) -> JSONValue {
        [
            "code": .int(status),
            "status": false,
            "message": .string(message),
            "data": [
                "error": .string(error),
                "error_code": .string(code),
                "request_id": .string(requestID),
                "timestamp": .string(timestamp),
            ],
        ]
    }
}
