/// The We-Link API emulator (HTTP side), mounted at `/welink`: every endpoint is
/// `POST /api/v1/<name>` with a JSON object body. An unknown path is 404 and another method 405,
/// both before authentication; then the `x-api-key` / `x-api-secret` headers (401), then the body.
struct WeLinkVendor: SandboxVendor {
    static let pathPrefix = "/welink"
    static let apiPrefix = "/api/v1/"

    var pathPrefix: String { Self.pathPrefix }

    let routes: WeLinkRoutes
    let apiKey: String
    let apiSecret: String

    func respond(to request: SandboxHTTPRequest, endpoint: String) async -> SandboxHTTPResponse {
        do throws(WeLinkError) {
            return .json(200, try await route(request, endpoint: endpoint))
        } catch {
            return .json(error.status, error.body, headers: error.headers)
        }
    }

    private func route(_ request: SandboxHTTPRequest, endpoint: String) async throws(WeLinkError) -> JSONValue {
        guard endpoint.hasPrefix(Self.apiPrefix),
              let name = WeLinkEndpoint(rawValue: String(endpoint.dropFirst(Self.apiPrefix.count)))
        else { throw .notFound(endpoint) }
        guard request.method == "POST" else { throw .methodNotAllowed(request.method, endpoint) }
        guard request.header("x-api-key") == apiKey, request.header("x-api-secret") == apiSecret else {
            throw .unauthorized
        }
        let input = try WeLinkInput(body: request.body)
        switch name {
        case .sendConnectionRequest: return try await routes.sendConnectionRequest(input)
        case .sendMessage: return try await routes.sendMessage(input)
        case .getConnectionStatus: return try await routes.getConnectionStatus(input)
        case .personalMessageThreads: return try await routes.personalMessageThreads(input)
        case .getResponse: return try await routes.getResponse(input)
        }
    }
}
