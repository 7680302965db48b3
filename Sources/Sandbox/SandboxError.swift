/// Why the sandbox server could not start.
public enum SandboxError: Error, Sendable, CustomStringConvertible {
    /// `start` was called on a server that is already running.
    case alreadyRunning
    /// The server stopped before it reported a bound port (e.g. the address was in use).
    case failedToStart(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .alreadyRunning:
            "The sandbox server is already running."
        case .failedToStart(let host, let port, let reason):
            "The sandbox server could not listen on \(host):\(port): \(reason)."
        }
    }
}
