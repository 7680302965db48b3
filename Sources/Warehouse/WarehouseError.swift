/// A warehouse that cannot be opened or migrated.
public struct WarehouseError: Error, CustomStringConvertible, Sendable {
    /// The SQLite file concerned.
    public let path: String
    /// What went wrong, as SQLite or the file system said it.
    public let cause: String

    public var description: String { "warehouse \(path): \(cause)" }
}
