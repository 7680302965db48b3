import Crypto
import Foundation

/// The SHA-256 of bytes as 64 lowercase hex digits: how raw pages, deliveries, credentials and the reply rules are
/// recognised by their content.
public enum ContentHash {
    public static func hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
