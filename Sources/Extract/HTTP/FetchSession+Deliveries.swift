import Foundation
import Warehouse

extension FetchSession {
    /// Hands each webhook delivery the receiver stored for this source since the last call (its
    /// parsed body, oldest first) to `body`, then moves the source's `webhook` bookmark past them,
    /// so every delivery is read once by extract (the transform reads them all on its own).
    public func readDeliveries(_ body: (JSONValue) throws -> Void) throws {
        let bookmarks = Bookmarks(warehouse: warehouse)
        let seen = Int64(try bookmarks.value(source: source.name, endpoint: "webhook") ?? "0") ?? 0
        let pages = try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, body FROM raw_page WHERE source = ? AND endpoint = 'webhook' AND id > ? ORDER BY id",
                             arguments: [source.name, seen])
        }
        for row in pages {
            if let json = try? JSONValue.parse(row["body"] as Data) { try body(json) }
        }
        if let last = pages.last?["id"] as Int64? {
            try bookmarks.set(source: source.name, endpoint: "webhook", value: String(last))
        }
    }
}
