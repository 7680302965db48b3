import Foundation

/// The normalised LinkedIn public id of a person, the key that makes one prospect of the same
/// person seen through several vendors: from a bare slug or any form of profile URL (scheme or
/// not, `www.` or a country subdomain, a locale path, a trailing slash, a query or fragment,
/// percent-encoding, upper case).
enum ProspectID {
    static func normalise(_ text: String) -> String? {
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
