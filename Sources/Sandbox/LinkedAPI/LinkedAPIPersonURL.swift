import Foundation

/// LinkedIn profile URLs reduced to what names a person, the normalised slug, and written back in
/// the varied forms real exports carry.
public enum LinkedAPIPersonURL {
    /// The normalised slug (lower case, percent-decoded) of a LinkedIn profile URL in any of its
    /// forms: any scheme (`http`, `https` or none), `linkedin.com` or a subdomain (`www.`, `de.`,
    /// `m.`), `/in/<slug>` with or without a trailing slash, query or fragment, and optionally one
    /// locale segment after the slug (`/in/<slug>/de/`). Nil for anything else (assumption: other
    /// paths such as `/in/<slug>/details/` or `/pub/` are not profile URLs).
    public static func slug(_ url: String) -> String? {
        var text = Substring(url.trimming(.whitespacesAndNewlines))
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        let lower = text.lowercased()
        if lower.hasPrefix("https://") {
            text = text.dropFirst("https://".count)
        } else if lower.hasPrefix("http://") {
            text = text.dropFirst("http://".count)
        } else if text.contains("://") {
            return nil
        }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        var host = text[..<slash].lowercased()
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        guard host == "linkedin.com" || host.hasSuffix(".linkedin.com") else { return nil }
        let segments = text[text.index(after: slash)...].split(separator: "/")
        guard segments.count == 2 || (segments.count == 3 && isLocale(segments[2])),
              segments[0].lowercased() == "in" else { return nil }
        let raw = String(segments[1])
        let slug = (raw.removingPercentEncoding ?? raw).lowercased()
        return slug.isEmpty ? nil : slug
    }

    /// The forms `make` writes, cycled through by the generator.
    static let formCount = 8

    /// A profile URL for `slug` in form `form % formCount`: plain, trailing slash, share query,
    /// capitalised slug, locale segment, no `www.`, `de.` subdomain with slash, mobile `m.` host.
    static func make(slug: String, form: Int) -> String {
        let path = encode(slug)
        switch form % formCount {
        case 0: return "https://www.linkedin.com/in/\(path)"
        case 1: return "https://www.linkedin.com/in/\(path)/"
        case 2: return "https://www.linkedin.com/in/\(path)?utm_source=share&utm_campaign=share_via&utm_content=profile"
        case 3: return "https://www.linkedin.com/in/\(encode(capitalised(slug)))"
        case 4: return "https://www.linkedin.com/in/\(path)/de/"
        case 5: return "https://linkedin.com/in/\(path)"
        case 6: return "http://de.linkedin.com/in/\(path)/"
        default: return "https://m.linkedin.com/in/\(path)"
        }
    }

    /// `pt`, `de`, `pt-br`, `en_US`.
    private static func isLocale(_ segment: Substring) -> Bool {
        let parts = segment.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in part.count == 2 && part.allSatisfy { $0.isASCII && $0.isLetter } }
    }

    /// Percent-encodes everything but ASCII letters, digits and `-._~` (upper-case hex, as browsers do).
    private static func encode(_ slug: String) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return slug.addingPercentEncoding(withAllowedCharacters: unreserved) ?? slug
    }

    /// Each hyphen-separated part with its first letter in upper case (`Jane-Doe-4a1b`).
    private static func capitalised(_ slug: String) -> String {
        slug.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "-")
    }
}
