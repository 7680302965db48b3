import Foundation

/// The WeConnect API emulator (HTTP side), mounted at `/weconnect`: `/api/beta/*` and
/// `/broadcasting/auth`. Routing as Laravel does it: an unknown path is 404 and a known path with
/// another method 405 before authentication; then the Bearer JWT (401 `Unauthenticated.`), then
/// validation (422). Repeated slashes in the path count as one (assumption: nginx's default
/// `merge_slashes`, so the document's own `/api/beta/ln//messages` works).
struct WeConnectVendor: SandboxVendor {
    static let pathPrefix = "/weconnect"

    var pathPrefix: String { Self.pathPrefix }

    let routes: WeConnectRoutes

    func respond(to request: SandboxHTTPRequest, endpoint: String) async -> SandboxHTTPResponse {
        do throws(WeConnectError) {
            return .json(200, try await route(request, endpoint: Self.mergingSlashes(endpoint)))
        } catch {
            return .json(error.status, error.body)
        }
    }

    private func route(_ request: SandboxHTTPRequest, endpoint: String) async throws(WeConnectError) -> JSONValue {
        let method = request.method
        let input = WeConnectInput(request)
        let host = request.header("Host") ?? "127.0.0.1"
        func allow(_ allowed: [String]) throws(WeConnectError) {
            // Laravel answers HEAD wherever it answers GET.
            let methods = allowed.contains("GET") ? allowed + ["HEAD"] : allowed
            guard methods.contains(method) else { throw .methodNotAllowed(method, endpoint, allowed: methods) }
        }
        switch endpoint {
        case "/api/beta/login":
            try allow(["POST"])
            return try await routes.login(input)
        case "/api/beta/ln/add":
            try allow(["POST"])
            return try await routes.addAccount(user: try await authenticate(request), input)
        case "/api/beta/ln/send":
            try allow(["POST"])
            return try await routes.send(user: try await authenticate(request), input)
        case "/api/beta/ln/messages":
            try allow(["GET"])
            return await routes.messages(user: try await authenticate(request), input, host: host)
        case "/api/beta/ln/thread":
            try allow(["POST"])
            return try await routes.thread(user: try await authenticate(request), input, host: host)
        case "/broadcasting/auth":
            // Laravel's Broadcast::routes() registers GET and POST.
            try allow(["GET", "POST"])
            return try routes.broadcastingAuth(user: try await authenticate(request), input)
        default:
            let requestPrefix = "/api/beta/ln/request/"
            if endpoint.hasPrefix(requestPrefix) {
                let raw = String(endpoint.dropFirst(requestPrefix.count))
                let id = raw.removingPercentEncoding ?? raw
                if !id.isEmpty, !id.contains("/") {
                    // The document shows both POST (heading) and GET (example).
                    try allow(["GET", "POST"])
                    return try await routes.request(user: try await authenticate(request), id: id)
                }
            }
            if endpoint.hasPrefix("/app/") {
                throw WeConnectError(
                    status: 400, body: ["message": "This endpoint only accepts WebSocket connections."])
            }
            throw .routeNotFound(endpoint)
        }
    }

    /// The user of the request's `Authorization: Bearer <jwt>` (scheme in any case); 401 when it is
    /// missing, malformed, badly signed, expired, or names no user.
    private func authenticate(_ request: SandboxHTTPRequest) async throws(WeConnectError) -> WeConnectUser {
        guard let header = request.header("Authorization") else { throw .unauthenticated }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .unauthenticated }
        let token = parts[1].trimming(.whitespaces)
        guard let userID = try? routes.jwt.verify(token, now: routes.clock.epochSeconds()),
              let user = await routes.state.user(id: userID)
        else { throw .unauthenticated }
        return user
    }

    /// `path` with runs of `/` reduced to one.
    static func mergingSlashes(_ path: String) -> String {
        var result = ""
        for character in path where !(character == "/" && result.hasSuffix("/")) {
            result.append(character)
        }
        return result
    }
}
