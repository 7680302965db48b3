import Foundation
import Warehouse

/// The secrets of one source, known from the start (keys, passwords) or learnt on the way (tokens
/// in login answers), removed from everything stored, logged or shown.
final class SecretKeeper: @unchecked Sendable {
    private let lock = NSLock()
    private var secrets: [String]

    /// JSON keys whose string values are secrets wherever they appear in an answer.
    static let secretKeys: Set<String> = ["token", "access_token", "refresh_token", "password", "api_key", "secret"]

    /// Shorter values are not searched for in text: replacing every "ab" would wreck a page
    /// while protecting nothing a vendor is likely to echo.
    static let minimumLength = 6

    init(_ secrets: [String]) { self.secrets = secrets.filter { $0.count >= Self.minimumLength } }

    func add(_ secret: String) {
        guard secret.count >= Self.minimumLength else { return }
        lock.withLock { if !secrets.contains(secret) { secrets.append(secret) } }
    }

    /// Learns the values of secret-named keys in a JSON answer.
    func harvest(_ json: JSONValue) {
        switch json {
        case .object(let object):
            for (key, value) in object {
                if Self.secretKeys.contains(key.lowercased()), let text = value.string, text.count >= 8 {
                    add(text)
                } else {
                    harvest(value)
                }
            }
        case .array(let array):
            array.forEach(harvest)
        default:
            break
        }
    }

    func redact(_ text: String) -> String {
        let current = lock.withLock { secrets }
        return current.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
    }
}
