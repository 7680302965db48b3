/// One emulated vendor API mounted under its own path prefix on the shared sandbox server.
protocol SandboxVendor: Sendable {
    /// Path prefix without a trailing slash, e.g. `/konnector/social_app/api/v1/third_party`.
    var pathPrefix: String { get }
    /// Answers a request whose path starts with `pathPrefix`; `endpoint` is the rest of the path
    /// (e.g. `/campaign-info`, or "" for the prefix itself), without a trailing slash.
    func respond(to request: SandboxHTTPRequest, endpoint: String) async -> SandboxHTTPResponse
}
