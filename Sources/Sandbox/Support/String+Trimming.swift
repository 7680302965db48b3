import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without the `characters` around it. Most values have none, so a text that begins and ends with a
    /// printable ASCII byte is returned as it is: Foundation's trimming goes through UTF-16 and costs more than the
    /// request it serves.
    func trimming(_ characters: CharacterSet) -> String {
        guard let first = utf8.first, let last = utf8.last,
              first <= 0x20 || first >= 0x7F || last <= 0x20 || last >= 0x7F
        else { return String(self) }
        return trimmingCharacters(in: characters)
    }
}
