/// HMAC-SHA256 (RFC 2104), as JWT `HS256` and Pusher channel signatures use it.
public enum HMAC {
    /// The 32-byte authentication code of `message` under `key`.
    public static func sha256<Key: Collection<UInt8>, Message: Collection<UInt8>>(_ message: Message, key: Key) -> [UInt8] {
        var block = Array(key)
        if block.count > 64 { block = SHA256.digest(block) }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + Array(message))
        return SHA256.digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// Whether `code` is the authentication code of `message` under `key`, compared without
    /// stopping at the first difference.
    public static func isValid<Code: Collection<UInt8>, Key: Collection<UInt8>, Message: Collection<UInt8>>(
        _ code: Code, for message: Message, key: Key
    ) -> Bool {
        let expected = sha256(message, key: key)
        guard code.count == expected.count else { return false }
        return zip(code, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
