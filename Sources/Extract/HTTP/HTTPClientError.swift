import Warehouse

/// Why an `HTTPClient` gave no response.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exchange did not complete within the request's deadline (a trickling or silent vendor).
    case deadlineExceeded(Duration)
    /// The body came in a `Content-Encoding` that was not asked for (a compressed body can
    /// decompress to far more than any size limit).
    case unrequestedEncoding(String)
    /// The connection failed: refused, reset, DNS, TLS.
    case transport(String)

    public var description: String {
        switch self {
        case .deadlineExceeded(let deadline):
            "no complete answer within the request deadline of \(deadline.secondsText)"
        case .unrequestedEncoding(let encoding):
            "the body came with Content-Encoding \(encoding), which was not asked for (identity was); refused unread"
        case .transport(let what):
            what
        }
    }
}
