import Foundation

/// Finds secrets in bytes or text in every spelling a vendor, a URL or a log may give them, and
/// replaces each with `[redacted]`.
///
/// A secret is searched for as itself and as its base64 and base64url forms (padded or not, and the
/// parts of them that stay the same wherever the secret sits inside a longer encoded value, as in a
/// Basic `Authorization` header). Each byte of those may appear as is, percent-encoded with upper or
/// lower hex digits, as `+` for a space (form encoding), as `\/` for a slash or as a `\u00XX` escape
/// (JSON), in any mix. Matching works on bytes, so invalid UTF-8 around a secret stays as it was.
public struct Redactor: Sendable {
    /// Shorter secrets are not searched for: replacing every "ab" would wreck a page while
    /// protecting nothing a vendor is likely to echo.
    public static let minimumLength = 6
    /// The replacement of every secret found.
    public static let replacement = Array("[redacted]".utf8)

    private let patterns: [[UInt8]]
    /// For each byte value, whether a spelling of some pattern can begin with it: the scan skips every other byte
    /// without trying the patterns one by one.
    private let startsSpelling: [Bool]

    public init(secrets: [String]) {
        var patterns: [[UInt8]] = []
        for secret in Set(secrets) where secret.utf8.count >= Self.minimumLength {
            let bytes = Array(secret.utf8)
            patterns.append(bytes)
            patterns += Self.base64Forms(of: bytes)
        }
        // Longer patterns first, so a secret containing another is replaced whole.
        let longestFirst = Array(Set(patterns)).sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        self.patterns = longestFirst
        startsSpelling = (0...255).map { first in longestFirst.contains { Self.canStart($0[0], at: UInt8(first)) } }
    }

    /// Whether there is nothing to look for.
    public var isEmpty: Bool { patterns.isEmpty }

    /// `text` with every secret replaced.
    public func redact(_ text: String) -> String {
        guard !patterns.isEmpty else { return text }
        return String(decoding: redact(Array(text.utf8)), as: UTF8.self)
    }

    /// `data` with every secret replaced; every other byte is kept as it was.
    public func redact(_ data: Data) -> Data {
        guard !patterns.isEmpty else { return data }
        return Data(redact(Array(data)))
    }

    private func redact(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var copiedUpTo = 0
        bytes.withUnsafeBufferPointer { text in
            var index = 0
            while index < text.count {
                guard startsSpelling[Int(text[index])] else {
                    index += 1
                    continue
                }
                var matched = 0
                for pattern in patterns where Self.canStart(pattern[0], at: text[index]) {
                    if let end = Self.match(pattern, 0, in: text, at: index) {
                        matched = end - index
                        break
                    }
                }
                if matched > 0 {
                    if output.isEmpty { output.reserveCapacity(text.count) }
                    output.append(contentsOf: text[copiedUpTo..<index])
                    output.append(contentsOf: Self.replacement)
                    index += matched
                    copiedUpTo = index
                } else {
                    index += 1
                }
            }
            if copiedUpTo > 0 { output.append(contentsOf: text[copiedUpTo...]) }
        }
        return copiedUpTo == 0 ? bytes : output
    }

    private static let percent = UInt8(ascii: "%"), plus = UInt8(ascii: "+"), space = UInt8(ascii: " ")
    private static let backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/"), letterU = UInt8(ascii: "u")

    /// Whether a spelling of `byte` can begin with `first`.
    private static func canStart(_ byte: UInt8, at first: UInt8) -> Bool {
        first == byte || first == percent || first == backslash || (byte == space && first == plus)
    }

    /// The end of a spelling of `pattern[position...]` starting at `index`, trying each way a byte may be written.
    private static func match(_ pattern: [UInt8], _ position: Int, in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard position < pattern.count else { return index }
        guard index < text.count else { return nil }
        let byte = pattern[position]
        let first = text[index]
        if first == byte, let end = match(pattern, position + 1, in: text, at: index + 1) { return end }
        if first == percent, index + 2 < text.count, let value = hexValue(text[index + 1], text[index + 2]), value == byte,
           let end = match(pattern, position + 1, in: text, at: index + 3) { return end }
        if byte == space, first == plus, let end = match(pattern, position + 1, in: text, at: index + 1) { return end }
        if first == backslash, index + 1 < text.count {
            if byte == slash, text[index + 1] == slash, let end = match(pattern, position + 1, in: text, at: index + 2) { return end }
            if text[index + 1] == letterU, index + 5 < text.count, hexValue(text[index + 2], text[index + 3]) == 0,
               hexValue(text[index + 4], text[index + 5]) == byte,
               let end = match(pattern, position + 1, in: text, at: index + 6) { return end }
        }
        return nil
    }

    private static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let high = hexDigit(high), let low = hexDigit(low) else { return nil }
        return high << 4 | low
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Base64 cores shorter than this are not searched for (too likely to occur by chance).
    private static let minimumEncodedLength = 8

    /// The secret's base64 and base64url forms: alone (padded and unpadded), and the characters
    /// that depend on its bytes alone when it sits at each of the three alignments inside a longer value.
    static func base64Forms(of secret: [UInt8]) -> [[UInt8]] {
        var forms: [String] = []
        let alone = Data(secret).base64EncodedString()
        forms.append(alone)
        forms.append(String(alone.reversed().drop { $0 == "=" }.reversed()))
        for offset in 0..<3 {
            let encoded = Array(Data(Array(repeating: 0, count: offset) + secret).base64EncodedString())
            let skip = (offset * 8 + 5) / 6
            let end = (offset + secret.count) * 8 / 6
            if end - skip >= minimumEncodedLength { forms.append(String(encoded[skip..<end])) }
        }
        let urlForms = forms.map { $0.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") }
        return (forms + urlForms).filter { $0.utf8.count >= minimumEncodedLength }.map { Array($0.utf8) }
    }
}
