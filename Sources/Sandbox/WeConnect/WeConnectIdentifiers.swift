import Foundation

/// The identifiers WeConnect hands out, drawn from seeded generators so a run is reproducible.
enum WeConnectIdentifiers {
    /// A version 4 UUID string in lower case, e.g. `08e50e33-6d98-400a-a135-e55650706cfe`.
    static func uuid(_ random: inout SeededRandom) -> String {
        var bytes = random.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array(self.hex(bytes))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
        return groups.map { String(hex[$0]) }.joined(separator: "-")
    }

    /// A thread id shaped like the document's `2-YTllN2Nl...XzAxMA==`: `2-` and the standard base64
    /// of `<uuid>_<three digits>` (40 bytes, so it always ends in `==`).
    static func threadID(_ random: inout SeededRandom, ordinal: Int) -> String {
        let suffix = CivilDate.pad(((ordinal % 1000) + 1000) % 1000, 3)
        return "2-" + Data((uuid(&random) + "_" + suffix).utf8).base64EncodedString()
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
