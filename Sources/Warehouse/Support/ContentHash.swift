import Crypto
import Foundation

/// The SHA-256 of bytes as 64 lowercase hex digits: how raw pages, deliveries, credentials and the reply rules are
/// recognised by their content.
public enum ContentHash {
    public static func hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
