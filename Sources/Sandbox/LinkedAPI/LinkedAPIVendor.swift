import Foundation

/// The Linked API emulator (HTTP side), mounted at `/linkedapi`: `POST /account/workflow`,
/// `GET /account/results/{hash}` and `POST /account/conversations/poll`. An unknown path is 404 and
/// a known path with another method 405 before authentication (assumption: routing comes first);
/// then the `linked-api-token` and `identification-token` headers (401 when missing or wrong,
/// checked in that order; the result link needs them too).
struct LinkedAPIVendor: SandboxVendor {
    static let pathPrefix = "/linkedapi"
    static let resultsPath = "/account/results/"

    var pathPrefix: String { Self.pathPrefix }

    let routes: LinkedAPIRoutes
    let token: String
    let identificationToken: String

    func respond(to request: SandboxHTTPRequest, endpoint: String) async -> SandboxHTTPResponse {
        do throws(LinkedAPIError) {
            return .json(200, try await route(request, endpoint: endpoint))
        } catch {
            return .json(error.status, error.body, headers: error.headers)
        }
    }

    private func route(_ request: SandboxHTTPRequest, endpoint: String) async throws(LinkedAPIError) -> JSONValue {
        func allow(_ method: String) throws(LinkedAPIError) {
            guard request.method == method else { throw .methodNotAllowed(request.method, allowed: method) }
            try authenticate(request)
        }
        switch endpoint {
        case "/account/workflow":
            try allow("POST")
            return await routes.workflow(request)
        case "/account/conversations/poll":
            try allow("POST")
            return try await routes.poll(request)
        default:
            if endpoint.hasPrefix(Self.resultsPath) {
                let raw = String(endpoint.dropFirst(Self.resultsPath.count))
                if !raw.isEmpty, !raw.contains("/") {
                    try allow("GET")
                    return try await routes.result(hash: raw.removingPercentEncoding ?? raw, request: request)
                }
            }
            throw .notFound(endpoint.isEmpty ? "/" : endpoint)
        }
    }

    private func authenticate(_ request: SandboxHTTPRequest) throws(LinkedAPIError) {
        guard request.header("linked-api-token") == token else { throw .invalidLinkedApiToken }
        guard request.header("identification-token") == identificationToken else { throw .invalidIdentificationToken }
    }
}
