import Foundation

/// LinkedIn public-profile slugs as WeConnect returns them, and names read back from a slug.
enum WeConnectSlug {
    /// How a slug is written; vendors (and LinkedIn members) differ.
    enum Style: Sendable {
        /// Lower case ASCII: accents dropped (`Zoë Ångström` gives `zoe-angstrom`), other letters
        /// left out; falls back to `percentEncoded` when nothing ASCII is left.
        case ascii
        /// Like `ascii`, keeping the name's upper-case letters (`Anne-Marie-Doe`).
        case mixedCase
        /// Lower case, non-ASCII letters percent-encoded as UTF-8 with upper-case hex
        /// (`José García` gives `jos%C3%A9-garc%C3%ADa`).
        case percentEncoded
    }

    /// `name` as a slug in `style`: letters and digits kept, every other run of characters one
    /// hyphen, no hyphen at either end.
    static func make(_ name: String, style: Style = .ascii) -> String {
        switch style {
        case .percentEncoded:
            return build(name.lowercased(), encodeOthers: true)
        case .ascii, .mixedCase:
            let folded = String(String.UnicodeScalarView(
                name.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }))
            let slug = build(style == .ascii ? folded.lowercased() : folded, encodeOthers: false)
            return slug.isEmpty ? build(name.lowercased(), encodeOthers: true) : slug
        }
    }

    private static func build(_ text: String, encodeOthers: Bool) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isASCIIAlphanumeric = (97...122).contains(value) || (65...90).contains(value) || (48...57).contains(value)
            let isOtherLetter = !scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.isDiacritic)
            if isOtherLetter, !encodeOthers { continue }
            guard isASCIIAlphanumeric || isOtherLetter else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen {
                slug.append("-")
                pendingHyphen = false
            }
            if isASCIIAlphanumeric {
                slug.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    slug += "%" + String(byte >> 4, radix: 16, uppercase: true)
                        + String(byte & 0x0F, radix: 16, uppercase: true)
                }
            }
        }
        return slug
    }

    /// A display name guessed from a slug (for a prospect the sandbox knows nothing else about):
    /// percent-decoded, hyphens as spaces, a trailing LinkedIn id (hex with a digit) dropped, each
    /// word capitalised. `jos%C3%A9-garc%C3%ADa-4a1b2c3d` gives `José García`.
    static func name(from slug: String) -> String {
        var words = QueryString.decode(Substring(slug.replacingPlus())).split(separator: "-").map(String.init)
        if words.count > 1, let last = words.last, last.count >= 6,
           last.allSatisfy(\.isHexDigit), last.contains(where: \.isNumber) {
            words.removeLast()
        }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return name.isEmpty ? slug : name
    }
}

private extension String {
    /// `+` escaped, so form decoding keeps it (slugs are path segments, where `+` is literal).
    func replacingPlus() -> String {
        var text = ""
        for character in self {
            text += character == "+" ? "%2B" : String(character)
        }
        return text
    }
}
