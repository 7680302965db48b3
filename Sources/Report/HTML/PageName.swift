/// The relative paths of the per-sender and per-campaign pages: a readable, sanitised prefix of the source and id
/// plus a stable 64-bit FNV-1a hash of their exact bytes, so opaque ids (base64 with `+ / =`, any case) never
/// produce a path separator and never collide by sanitising. A sender's threads past the first page continue on
/// `<file>-2.html`, `<file>-3.html`…: nothing but a number follows the hash, so no other sender's file can match.
enum PageName {
    static let senderFolder = "senders"
    static let campaignFolder = "campaigns"

    /// `senders/<file>.html`, relative to the reports folder.
    static func sender(source: String, id: String) -> String {
        "\(senderFolder)/\(file(source: source, id: id))"
    }

    /// Page `page` of a sender's threads: its page itself for 1, else `senders/<file>-<page>.html`.
    static func sender(source: String, id: String, page: Int) -> String {
        let first = sender(source: source, id: id)
        guard page > 1 else { return first }
        return String(first.dropLast(".html".count)) + "-\(page).html"
    }

    /// `campaigns/<file>.html`, relative to the reports folder.
    static func campaign(source: String, id: String) -> String {
        "\(campaignFolder)/\(file(source: source, id: id))"
    }

    /// `<source>-<id>-<hash>.html`, with only `a-z`, `0-9` and `-` before the hash.
    static func file(source: String, id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(source.utf8) + [0] + Array(id.utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "\(sanitised(source, limit: 24))-\(sanitised(id, limit: 16))-\(padded).html"
    }

    /// Lower-case ASCII letters and digits of `text`, any run of other characters as one `-`, at most `limit` long.
    private static func sanitised(_ text: String, limit: Int) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
            if result.count >= limit { break }
        }
        while result.last == "-" { result.removeLast() }
        return result.isEmpty ? "x" : result
    }
}
