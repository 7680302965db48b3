/// A text as the phrase rules read it: lowercased, accents removed, every punctuation mark, symbol
/// and space a word break, each emoji a word of its own.
struct ReplyWords {
    let words: [Substring]

    init(_ text: String) {
        words = Self.normalised(text).split(separator: " ")
    }

    /// The text folded to plain words separated by single spaces.
    static func normalised(_ text: String) -> String {
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
}
