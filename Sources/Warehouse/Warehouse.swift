import Foundation

/// The one SQLite file that holds the raw landing table, the star schema and the reporting views.
public final class Warehouse: Sendable {
    /// The connection pool every stage reads and writes through.
    public let pool: DatabasePool
    /// Where the file lives.
    public let url: URL

    /// Opens (creating when missing) the warehouse at `url` and brings its schema up to date.
    public init(url: URL) throws {
        self.url = url
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: url.path, configuration: configuration)
            try WarehouseSchema.migrator.migrate(pool)
            try pool.write { db in try ReportingViews.install(in: db) }
        } catch let error as DatabaseError {
            throw WarehouseError(path: url.path, cause: error.message ?? "\(error.resultCode)")
        } catch let error as CocoaError {
            throw WarehouseError(path: url.path, cause: error.localizedDescription)
        }
    }

    /// Moves everything in the write-ahead log into the file itself, so `warehouse.sqlite` alone
    /// holds all the data when a run ends (a copy of just that file loses nothing).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}
