import Foundation

/// LinkedIn profile URLs as We-Link requests and results carry them: every way of writing one
/// person's URL reduces to the same normalised slug.
public enum WeLinkProfileURL {
    /// The slug of a LinkedIn profile URL: the path segment after `/in/`, percent-decoded and lower
    /// case. Scheme (or none), host prefix (`www.`, `de.`, `m.`), a trailing slash, the query,
    /// the fragment and any segment after the slug (a locale such as `/en`) are ignored. Nil when
    /// `text` is no LinkedIn profile URL: another host, no `/in/<slug>`, or a bare slug (assumption:
    /// the endpoints take a `profile_url`, so a bare slug is not one).
    public static func slug(from text: String) -> String? {
        var rest = Substring(text.trimming(.whitespacesAndNewlines))
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            break
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 3 else { return nil }
        var host = segments[0].lowercased()
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        guard host == "linkedin.com" || host.hasSuffix(".linkedin.com"),
              segments[1].lowercased() == "in" else { return nil }
        let raw = String(segments[2])
        let slug = (raw.removingPercentEncoding ?? raw).lowercased()
        return slug.isEmpty ? nil : slug
    }

    /// The ways the generated data writes a profile URL; `form` picks one (any integer).
    /// `slug` is normalised (lower case, decoded): URLs percent-encode it, except the mobile form,
    /// which keeps non-ASCII letters as they are (as copied from a browser's address bar).
    static func make(slug: String, form: Int) -> String {
        let encoded = percentEncoded(slug)
        switch ((form % 5) + 5) % 5 {
        case 0: return "https://www.linkedin.com/in/\(encoded)/"
        case 1: return "https://linkedin.com/in/\(capitalised(encoded))?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB"
        case 2: return "http://www.linkedin.com/in/\(encoded)/en"
        case 3: return "https://de.linkedin.com/in/\(encoded)"
        default: return "https://m.linkedin.com/in/\(slug)/"
        }
    }

    /// The canonical URL of a slug, `https://www.linkedin.com/in/<slug>/`.
    static func canonical(_ slug: String) -> String {
        make(slug: slug, form: 0)
    }

    /// `slug` with everything but RFC 3986 unreserved characters percent-encoded (upper-case hex).
    static func percentEncoded(_ slug: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return slug.addingPercentEncoding(withAllowedCharacters: allowed) ?? slug
    }

    /// Each hyphen-separated word with its first letter upper case (`Jane-Doe-4a1b2c3d`).
    private static func capitalised(_ slug: String) -> String {
        slug.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "-")
    }
}
