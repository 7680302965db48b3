import Foundation
import PostgresNIO

/// A publish that failed: the destination and the cause, in one line that never holds the password.
public struct PublishError: Error, CustomStringConvertible, Sendable {
    /// Why a publish failed.
    public enum Cause: Error, Sendable {
        case badURL(String)
        /// The server's own message (`password authentication failed for user "x"`, `disk full`), with its SQLSTATE.
        case server(message: String, code: String)
        case unreachable(String)
        case lostConnection
        case warehouse(String)

        var text: String {
            switch self {
            case let .badURL(why): "the URL in its url_env variable cannot be used: \(why)"
            case let .server(message, code): "the server said: \(message) (SQLSTATE \(code))"
            case let .unreachable(why): "cannot reach the server: \(why)"
            case .lostConnection: "the connection to the server was lost; nothing of this publish was kept"
            case let .warehouse(why): "cannot read the warehouse: \(why)"
            }
        }
    }

    public let destination: String
    public let cause: Cause
    /// Texts that must never appear in the message: the password, as written and percent-encoded.
    let secrets: [String]

    public init(destination: String, cause: Cause, secrets: [String] = []) {
        self.destination = destination
        self.cause = cause
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    public var description: String {
        var text = "destination \(destination): publish failed: \(cause.text)"
        for secret in secrets {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The cause of an error from postgres-nio (whose own description is deliberately empty) or elsewhere.
    static func cause(of error: any Error) -> Cause {
        if let cause = error as? Cause { return cause }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return .server(message: message, code: error.serverInfo?[.sqlState] ?? "?")
            }
            switch error.code {
            case .connectionError:
                return .unreachable(error.underlying.map { String(describing: $0) } ?? "the connection failed")
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return .lostConnection
            default:
                return .unreachable("\(error.code)")
            }
        }
        return .unreachable(String(describing: error))
    }
}
