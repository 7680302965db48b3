import Crypto
import Foundation

/// Pusher private-channel signatures: `<app_key>:<hex HMAC-SHA256(app_secret, "<socket_id>:<channel>")>`
/// (with `:<channel_data>` appended to the signed text for presence channels).
struct WeConnectPusherSigner: Sendable {
    let appKey: String
    private let key: [UInt8]

    init(appKey: String, appSecret: String) {
        self.appKey = appKey
        key = Array(appSecret.utf8)
    }

    /// The `auth` value for `socketID` joining `channel`.
    func auth(socketID: String, channel: String, channelData: String? = nil) -> String {
        appKey + ":" + SandboxIdentifiers.hex(mac(socketID: socketID, channel: channel, channelData: channelData))
    }

    /// Whether `auth` is the right value for `socketID` joining `channel` (constant-time comparison).
    func verify(_ auth: String, socketID: String, channel: String, channelData: String? = nil) -> Bool {
        guard auth.hasPrefix(appKey + ":") else { return false }
        let hex = Array(auth.utf8.dropFirst(appKey.utf8.count + 1))
        guard hex.count == 64 else { return false }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < hex.count {
            guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else { return false }
            bytes.append(high << 4 | low)
            index += 2
        }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Array(Self.signed(socketID, channel, channelData).utf8), using: SymmetricKey(data: key))
    }

    private func mac(socketID: String, channel: String, channelData: String?) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(Self.signed(socketID, channel, channelData).utf8), using: SymmetricKey(data: key)))
    }

    private static func signed(_ socketID: String, _ channel: String, _ channelData: String?) -> String {
        socketID + ":" + channel + (channelData.map { ":" + $0 } ?? "")
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
