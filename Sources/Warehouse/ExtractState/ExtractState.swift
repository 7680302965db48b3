import Foundation

/// What extract last saw of each listed item of one kind (threads, campaigns) of a source, so an
/// item whose listing did not change is not fetched again: the cost of a run grows with change,
/// not with history.
public struct ExtractState: Sendable {
    private let warehouse: Warehouse
    public let source: String
    public let itemKind: String

    public init(warehouse: Warehouse, source: String, itemKind: String) {
        self.warehouse = warehouse
        self.source = source
        self.itemKind = itemKind
    }

    /// Every item's last fingerprint.
    public func fingerprints() throws -> [String: String] {
        try warehouse.pool.read { db in
            var result: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT item_id, fingerprint FROM extract_state WHERE source = ? AND item_kind = ?",
                                           arguments: [source, itemKind])
            while let row = try rows.next() { result[row["item_id"]] = row["fingerprint"] }
            return result
        }
    }

    /// Records an item's fingerprint once its own page has been landed.
    public func record(_ itemID: String, fingerprint: String, at date: Date = Date()) throws {
        try record([(itemID, fingerprint)], at: date)
    }

    /// Records the fingerprints of several items in one transaction.
    public func record(_ items: [(itemID: String, fingerprint: String)], at date: Date = Date()) throws {
        let time = Timestamp.string(date)
        try warehouse.pool.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO extract_state (source, item_kind, item_id, fingerprint, fetched_at) VALUES (?, ?, ?, ?, ?)
                """)
            for item in items {
                try statement.execute(arguments: [source, itemKind, item.itemID, item.fingerprint, time])
            }
        }
    }
}
