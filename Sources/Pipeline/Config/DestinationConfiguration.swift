import Publish

/// One `[[destinations]]` entry: where every successful run (and `etl publish`) publishes the warehouse.
public struct DestinationConfiguration: Sendable {
    /// The kinds of destination this version publishes to.
    public enum Kind: String, Sendable, CaseIterable {
        case postgres
    }

    /// The schema a destination publishes into unless it names one.
    public static let defaultSchema = "outreach"

    public let name: String
    public let kind: Kind
    /// The environment variable that holds the URL (`postgres://user:password@host:port/db`): never the file.
    public let urlEnv: String
    public let schema: String

    public init(name: String, kind: Kind = .postgres, urlEnv: String, schema: String = DestinationConfiguration.defaultSchema) {
        self.name = name
        self.kind = kind
        self.urlEnv = urlEnv
        self.schema = schema
    }
}
