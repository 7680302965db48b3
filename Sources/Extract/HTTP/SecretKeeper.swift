import Foundation
import Warehouse

/// The secrets of one source, known from the start (keys, passwords) or learnt on the way (tokens
/// in login answers), removed in every spelling from everything stored, logged or shown.
final class SecretKeeper: @unchecked Sendable {
    private let lock = NSLock()
    private var secrets: Set<String>
    private var redactor: Redactor

    /// JSON keys whose string values are secrets wherever they appear in an answer.
    static let secretKeys: Set<String> = ["token", "access_token", "refresh_token", "password", "api_key", "secret"]

    init(_ secrets: [String]) {
        self.secrets = Set(secrets)
        redactor = Redactor(secrets: secrets)
    }

    func add(_ secret: String) {
        guard secret.utf8.count >= Redactor.minimumLength else { return }
        lock.withLock {
            guard secrets.insert(secret).inserted else { return }
            redactor = Redactor(secrets: Array(secrets))
        }
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

    func redact(_ text: String) -> String { lock.withLock { redactor }.redact(text) }

    func redact(_ data: Data) -> Data { lock.withLock { redactor }.redact(data) }
}
