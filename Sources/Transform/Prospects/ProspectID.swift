import Foundation

/// The normalised LinkedIn public id of a person, the key that makes one prospect of the same
/// person seen through several vendors: from a bare slug or any form of profile URL (scheme or
/// not, `www.` or a country subdomain, a locale path, a trailing slash, a query or fragment,
/// percent-encoding, upper case).
enum ProspectID {
    static func normalise(_ text: String) -> String? {
        var text = text
        if let ascii = text.withUTF8({ normaliseASCII($0) }) { return ascii }
        return normaliseAnyText(text)
    }

    /// `normaliseAnyText` over ASCII without percent-encoding, the form every vendor sends, in one pass over the
    /// bytes: nil as the answer when the text is not that form (`.some(nil)` when it is but names nobody).
    static func normaliseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }) else { return nil }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if let cut = bytes[start..<end].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { end = cut }
        let segments = bytes[start..<end].split(separator: UInt8(ascii: "/"))
        func isIn(_ segment: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            segment.count == 2 && segment.first! | 0x20 == UInt8(ascii: "i") && segment.last! | 0x20 == UInt8(ascii: "n")
        }
        let slug: Slice<UnsafeBufferPointer<UInt8>>
        if let index = segments.firstIndex(where: isIn) {
            guard index + 1 < segments.count else { return .some(nil) }
            slug = segments[index + 1]
        } else {
            guard segments.count == 1 else { return .some(nil) }
            slug = segments[0]
        }
        return .some(String(decoding: slug.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self))
    }

    /// Any text: Unicode spaces trimmed, percent-encoding decoded, Unicode lower case.
    static func normaliseAnyText(_ text: String) -> String? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let cut = value.firstIndex(where: { $0 == "?" || $0 == "#" }) { value = String(value[..<cut]) }
        var segments = value.split(separator: "/").map(String.init)
        if let index = segments.firstIndex(where: { $0.lowercased() == "in" }) {
            segments = Array(segments.dropFirst(index + 1))
        } else if segments.count > 1 {
            return nil
        }
        guard var slug = segments.first else { return nil }
        slug = slug.removingPercentEncoding ?? slug
        slug = slug.lowercased()
        return slug.isEmpty ? nil : slug
    }
}
