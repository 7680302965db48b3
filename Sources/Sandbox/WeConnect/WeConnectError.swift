/// A WeConnect error answer: HTTP status plus body. WeConnect is a Laravel application (Passport
/// tokens), so where the document shows no error the sandbox answers as Laravel does.
struct WeConnectError: Error, Sendable, Equatable {
    let status: Int
    let body: JSONValue

    /// Login with unknown credentials (Passport tutorials' `{"error": "Unauthorised"}`; assumption).
    static let loginFailed = WeConnectError(status: 401, body: ["error": "Unauthorised"])

    /// A protected endpoint without a valid Bearer token (Laravel's `auth:api` answer).
    static let unauthenticated = WeConnectError(status: 401, body: ["message": "Unauthenticated."])

    /// `/ln/request/{id}` with an id the user never submitted (the brief's body).
    static let requestNotFound = WeConnectError(
        status: 404, body: ["status": "error", "message": "Request not found"])

    /// `/ln/thread` with a thread the user does not have (assumption: same shape as above).
    static let threadNotFound = WeConnectError(
        status: 404, body: ["status": "error", "message": "Thread not found"])

    /// `/broadcasting/auth` for a channel the user may not join (Laravel's AccessDeniedHttpException).
    static let forbidden = WeConnectError(status: 403, body: ["message": "This action is unauthorized."])

    /// No route at this path (Laravel's NotFoundHttpException wording).
    static func routeNotFound(_ endpoint: String) -> WeConnectError {
        WeConnectError(
            status: 404, body: ["message": .string("The route \(endpoint.drop { $0 == "/" }) could not be found.")])
    }

    /// A route that exists for other methods (Laravel's MethodNotAllowedHttpException wording).
    static func methodNotAllowed(_ method: String, _ endpoint: String, allowed: [String]) -> WeConnectError {
        let route = String(endpoint.drop { $0 == "/" })
        let message = "The \(method) method is not supported for route \(route). Supported methods: "
            + allowed.joined(separator: ", ") + "."
        return WeConnectError(status: 405, body: ["message": .string(message)])
    }

    /// Laravel's 422: `{"message": "<first error> (and N more errors)", "errors": {field: [messages]}}`.
    static func validation(_ errors: [(field: String, message: String)]) -> WeConnectError {
        var byField: [String: [JSONValue]] = [:]
        for error in errors {
            byField[error.field, default: []].append(.string(error.message))
        }
        var message = errors.first?.message ?? "The given data was invalid."
        if errors.count > 1 {
            let more = errors.count - 1
            message += " (and \(more) more error" + (more == 1 ? ")" : "s)")
        }
        return WeConnectError(
            status: 422, body: ["message": .string(message), "errors": .object(byField.mapValues(JSONValue.array))])
    }
}
