import Foundation

/// One credential's allowance over a rolling window (We-Link: 30 requests in any 60 minutes),
/// kept in the warehouse so every run and process shares it. A request is refused before it is
/// sent when the window is full, so the vendor's 429 is never the way the pipeline learns it.
public struct RequestWindow: Sendable {
    private let warehouse: Warehouse
    /// An opaque name of the credential (a hash, never the secret).
    public let credential: String
    public let limit: Int
    public let length: TimeInterval

    public init(warehouse: Warehouse, credential: String, limit: Int, length: TimeInterval) {
        self.warehouse = warehouse
        self.credential = credential
        self.limit = limit
        self.length = length
    }

    /// Counts one request, or throws `APIBudget.Exhausted` with the time a slot frees up.
    public func spend(now: Date = Date()) throws {
        try warehouse.pool.write { db in
            let start = Timestamp.string(now.addingTimeInterval(-length))
            try db.execute(sql: "DELETE FROM api_call WHERE credential = ? AND called_at <= ?", arguments: [credential, start])
            if let until = try String.fetchOne(db, sql: "SELECT exhausted_until FROM api_window WHERE credential = ?",
                                               arguments: [credential]).flatMap(Timestamp.date(fromVendor:)), until > now {
                throw APIBudget.Exhausted(until: until)
            }
            let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_call WHERE credential = ?", arguments: [credential]) ?? 0
            if used >= limit {
                let oldest = try String.fetchOne(db, sql: "SELECT MIN(called_at) FROM api_call WHERE credential = ?",
                                                 arguments: [credential]).flatMap(Timestamp.date(fromVendor:)) ?? now
                throw APIBudget.Exhausted(until: oldest.addingTimeInterval(length))
            }
            try db.execute(sql: "INSERT INTO api_call (credential, called_at) VALUES (?, ?)",
                           arguments: [credential, Timestamp.string(now)])
        }
    }

    /// Records that the vendor refused until `until` (its 429), whatever our own count says.
    public func exhaust(until: Date) throws {
        try warehouse.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO api_window (credential, exhausted_until) VALUES (?, ?)",
                           arguments: [credential, Timestamp.string(until)])
        }
    }

    /// Requests left in the window now.
    public func remaining(now: Date = Date()) throws -> Int {
        try warehouse.pool.read { db in
            if let until = try String.fetchOne(db, sql: "SELECT exhausted_until FROM api_window WHERE credential = ?",
                                               arguments: [credential]).flatMap(Timestamp.date(fromVendor:)), until > now {
                return 0
            }
            let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_call WHERE credential = ? AND called_at > ?",
                                        arguments: [credential, Timestamp.string(now.addingTimeInterval(-length))]) ?? 0
            return max(0, limit - used)
        }
    }
}
