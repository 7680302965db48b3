/// The identifiers Linked API hands out (workflow ids, result-link hashes, message and thread ids),
/// drawn from seeded generators so a run is reproducible.
enum LinkedAPIIdentifiers {
    /// A version 4 UUID string in lower case.
    static func uuid(_ random: inout SeededRandom) -> String {
        var bytes = random.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array(self.hex(bytes))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
        return groups.map { String(hex[$0]) }.joined(separator: "-")
    }

    /// Lower-case hexadecimal of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// A conversation thread id. The document shows none; assumption: LinkedIn's messaging thread
    /// URN form, `2-` and 32 hex digits.
    static func threadID(_ random: inout SeededRandom) -> String {
        "2-" + hex(random.bytes(16))
    }
}
