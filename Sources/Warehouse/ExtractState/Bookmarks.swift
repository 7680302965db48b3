import Foundation

/// Per source and endpoint, how far the last completed run read. Only a source's successful
/// run moves its bookmarks, and a `--since`/`--until` backfill never does.
public struct Bookmarks: Sendable {
    private let warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    public func value(source: String, endpoint: String) throws -> String? {
        try warehouse.pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM bookmark WHERE source = ? AND endpoint = ?",
                                arguments: [source, endpoint])
        }
    }

    public func set(source: String, endpoint: String, value: String, at date: Date = Date()) throws {
        try warehouse.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO bookmark (source, endpoint, value, updated_at) VALUES (?, ?, ?, ?)",
                           arguments: [source, endpoint, value, Timestamp.string(date)])
        }
    }

    /// Every bookmark, for `etl status`.
    public func all() throws -> [(source: String, endpoint: String, value: String, updatedAt: String)] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM bookmark ORDER BY source, endpoint").map {
                ($0["source"], $0["endpoint"], $0["value"], $0["updated_at"])
            }
        }
    }
}
