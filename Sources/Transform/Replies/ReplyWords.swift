/// A text as the phrase rules read it: lowercased, accents removed, every punctuation mark, symbol
/// and space a word break, each emoji a word of its own.
struct ReplyWords {
    let words: [Substring]

    init(_ text: String) {
        words = Self.normalised(text).split(separator: " ")
    }

    /// The text folded to plain words separated by single spaces.
    static func normalised(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? normalisedASCII(text) : normalisedUnicode(text)
    }

    /// `normalised(_:)` of any text, scalar by scalar after the canonical decomposition.
    static func normalisedUnicode(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if pendingSpace, !folded.isEmpty { folded.append(" ") }
            pendingSpace = false
            folded.append(scalar)
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format:
                continue // accents, variation selectors, zero-width joiners
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                if scalar == "ß" {
                    append("s")
                    append("s")
                } else {
                    for lower in properties.lowercaseMapping.unicodeScalars { append(lower) }
                }
            case .modifierSymbol where (0x1F3FB...0x1F3FF).contains(scalar.value):
                continue // skin tones belong to the emoji before them
            default:
                if properties.isEmojiPresentation || (properties.isEmoji && scalar.value > 0x2000) {
                    pendingSpace = true
                    append(scalar)
                }
                pendingSpace = true
            }
        }
        return String(folded)
    }

    /// `normalised(_:)` of a text that is all ASCII, byte by byte: most replies are, and in ASCII the
    /// canonical decomposition changes nothing, letters only lowercase, and every byte that is not a
    /// letter or a digit is a word break.
    static func normalisedASCII(_ text: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace, !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                pendingSpace = false
                folded.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            default:
                pendingSpace = true
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
