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

    /// Opens an existing warehouse to read it only: nothing is created, migrated or written (the views
    /// stay as the last writing open made them). For a warehouse this process cannot write, such as
    /// one in a read-only directory.
    public init(readingOnly url: URL) throws {
        self.url = url
        do {
            pool = try Self.readOnlyPool(path: url.path)
            let current = try pool.read { db in try WarehouseSchema.migrator.hasCompletedMigrations(db) }
            guard current else {
                throw WarehouseError(path: url.path, cause: "it cannot be written and an older etl made its tables; "
                                     + "run etl once with write access to it to upgrade them")
            }
        } catch let error as DatabaseError {
            throw WarehouseError(path: url.path, cause: error.message ?? "\(error.resultCode)")
        }
    }

    /// The warehouse ready to read: opened as usual (created and migrated when needed) when it can
    /// be written, read-only when it exists but cannot be written.
    public static func forReading(at url: URL) throws -> Warehouse {
        do {
            return try Warehouse(url: url)
        } catch let writing as WarehouseError where FileManager.default.fileExists(atPath: url.path) {
            do {
                return try Warehouse(readingOnly: url)
            } catch let reading as WarehouseError {
                throw reading.cause == writing.cause ? reading
                    : WarehouseError(path: url.path, cause: "cannot be written (\(writing.cause)) nor read (\(reading.cause))")
            }
        }
    }

    /// A read-only pool. A WAL database needs its `-shm` file to be read; when that file is missing
    /// and cannot be created (a read-only directory after a clean close), SQLite can still read the
    /// file as immutable: nothing can write in that directory, and a close left no write-ahead log.
    private static func readOnlyPool(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN
                    && !FileManager.default.fileExists(atPath: path + "-wal") {
            var components = URLComponents()
            components.scheme = "file"
            components.path = path
            components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
            guard let uri = components.string else { throw error }
            return try DatabasePool(path: uri, configuration: configuration)
        }
    }

    /// Moves everything in the write-ahead log into the file itself, so `warehouse.sqlite` alone
    /// holds all the data when a run ends (a copy of just that file loses nothing).
    public func checkpoint() throws {
        _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}
