import Foundation

/// Sends one HTTP request and returns the whole response; the one seam between extractors and the network.
///
/// A client never follows a redirect (the 3xx answer is returned, so the caller decides whether the
/// credentials may go where it points), never waits past the request's deadline, and stops reading a
/// body at the request's size limit.
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An HTTP request as the extractors describe it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// The longest the whole exchange may take, from connecting to the body's last byte.
    public var deadline: Duration
    /// Past this many bytes of (decoded) body the client stops reading and says so.
    public var maxBodyBytes: Int

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil,
                deadline: Duration = .seconds(120), maxBodyBytes: Int = 64 << 20) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.deadline = deadline
        self.maxBodyBytes = maxBodyBytes
    }
}

/// An HTTP response with its headers keyed in lower case.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    /// The body, or its first `maxBodyBytes` when `bodyExceededLimit`.
    public var body: Data
    /// The vendor sent more than the request's `maxBodyBytes`; reading stopped there.
    public var bodyExceededLimit: Bool

    public init(status: Int, headers: [String: String], body: Data, bodyExceededLimit: Bool = false) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
        self.bodyExceededLimit = bodyExceededLimit
    }

    /// The value of a header, whatever its case on the wire.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
