import Foundation

/// One entry of the sandbox server's request log. It holds no secrets: API keys are never
/// recorded, and query items whose name suggests a secret have their value replaced by `<redacted>`.
public struct SandboxRequest: Sendable, Hashable {
    /// Upper-case HTTP method.
    public let method: String
    /// The full path as received (including the vendor prefix, e.g.
    /// `/konnector/social_app/api/v1/third_party/campaign-info`), without the query string.
    public let path: String
    /// The path relative to the vendor prefix (e.g. `/campaign-info`), or the full path when it
    /// matched no vendor.
    public let endpoint: String
    /// The form-decoded query items, in order.
    public let queryItems: [URLQueryItem]
    /// When the request arrived.
    public let time: Date
    /// The HTTP status the sandbox answered with.
    public let status: Int
    /// True when the answer came from `injectFault` rather than the emulator.
    public let faultInjected: Bool

    public init(
        method: String, path: String, endpoint: String, queryItems: [URLQueryItem], time: Date, status: Int,
        faultInjected: Bool
    ) {
        self.method = method
        self.path = path
        self.endpoint = endpoint
        self.queryItems = queryItems
        self.time = time
        self.status = status
        self.faultInjected = faultInjected
    }
}
