import Warehouse

/// SQLite failing while a stage works on the warehouse (a full disk, a read-only file), named the
/// way the user can act on it: what was being done, the warehouse file, and SQLite's cause, e.g.
/// `acme: warehouse /srv/etl/warehouse.sqlite: database or disk is full`.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// The source being extracted, or the stage (`transform`, `report`, `run log`, `webhook`).
    public let scope: String
    /// The warehouse file.
    public let path: String
    /// SQLite's message, without the statement it was running.
    public let cause: String

    public init(scope: String, path: String, cause: String) {
        self.scope = scope
        self.path = path
        self.cause = cause
    }

    public var description: String { "\(scope): warehouse \(path): \(cause)" }

    /// `error` as a `StorageError` when SQLite raised it; any other error unchanged.
    public static func naming(_ error: any Error, scope: String, warehouse: Warehouse) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        return StorageError(scope: scope, path: warehouse.url.path, cause: error.message ?? "SQLite error \(error.resultCode.rawValue)")
    }

    /// Runs `body`, naming the SQLite errors it throws.
    public static func naming<T>(_ scope: String, in warehouse: Warehouse, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw naming(error, scope: scope, warehouse: warehouse) }
    }

    /// Runs `body`, naming the SQLite errors it throws.
    public static func naming<T>(_ scope: String, in warehouse: Warehouse, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw naming(error, scope: scope, warehouse: warehouse) }
    }
}
