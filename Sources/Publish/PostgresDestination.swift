/// Where a publish goes: a named PostgreSQL database and the schema that holds the published tables.
public struct PostgresDestination: Sendable {
    /// The schema's name: letters, digits and underscores, not starting with a digit, at most 63 bytes (PostgreSQL's
    /// limit), so it is the same name quoted or not.
    public static func isValidSchema(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63,
              first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    public let name: String
    public let url: PostgresURL
    public let schema: String

    public init(name: String, url: PostgresURL, schema: String) {
        self.name = name
        self.url = url
        self.schema = schema
    }
}
