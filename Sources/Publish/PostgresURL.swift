import Foundation

/// A destination's address, `postgres://user:password@host:port/database?sslmode=...`, read from the environment.
/// Its `description` never holds the password.
public struct PostgresURL: Sendable, CustomStringConvertible {
    /// Whether the connection uses TLS: `disable`, `prefer` (libpq's default: TLS when the server offers it) or `require`.
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String
    public let tls: TLSMode

    /// Reads `text`; the error says what is wrong without repeating the text, which holds a password.
    public init(_ text: String) throws(PublishError.Cause) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw .badURL("it is not a postgres://user:password@host:port/database URL")
        }
        guard let host = components.host, !host.isEmpty else { throw .badURL("it names no host") }
        guard let username = components.user.flatMap({ $0.removingPercentEncoding }), !username.isEmpty else {
            throw .badURL("it names no user")
        }
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty else { throw .badURL("it names no database") }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw .badURL("sslmode must be disable, prefer or require")
                }
                tls = mode
            default:
                throw .badURL("the parameter \(item.name) is not understood; only sslmode is")
            }
        }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? 5432
        self.username = username
        password = components.password.flatMap { $0.removingPercentEncoding }
        self.database = database
        self.tls = tls
    }

    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }
}
