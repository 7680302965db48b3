/// The identifiers every emulated vendor hands out (request ids, workflow ids, hashes), drawn from
/// seeded generators so a run is reproducible; each vendor's own id shapes build on these.
enum SandboxIdentifiers {
    /// A version 4 UUID string in lower case, e.g. `08e50e33-6d98-400a-a135-e55650706cfe`.
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
}
