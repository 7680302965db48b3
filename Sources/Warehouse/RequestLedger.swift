import Foundation

/// Request ids submitted to a vendor elsewhere whose outcome the pipeline follows: `etl track`
/// registers them, each run polls those not final yet, and a message keeps being checked for a
/// reply within the source's lookback window.
public struct RequestLedger: Sendable {
    private let warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// Registers ids (already known ones are left as they are); returns how many were new.
    @discardableResult
    public func register(source: String, requestIDs: [String], at date: Date = Date()) throws -> Int {
        try warehouse.pool.write { db in
            var added = 0
            let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO request_ledger (source, request_id, registered_at) VALUES (?, ?, ?)")
            for id in requestIDs {
                try statement.execute(arguments: [source, id, Timestamp.string(date)])
                added += db.changesCount
            }
            return added
        }
    }

    /// The ids to poll now: not final yet, or a message without a reply that became final within `lookbackDays`.
    public func due(source: String, lookbackDays: Int, now: Date = Date()) throws -> [String] {
        let horizon = Timestamp.string(now.addingTimeInterval(-Double(lookbackDays) * 86_400))
        return try warehouse.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT request_id FROM request_ledger
                WHERE source = ? AND (is_final = 0
                      OR (action_type = 'message' AND COALESCE(replied, 0) = 0 AND final_at >= ?))
                ORDER BY registered_at, request_id
                """, arguments: [source, horizon])
        }
    }

    /// Records what one poll said of a request.
    public func record(source: String, requestID: String, actionType: String?, status: String?, replied: Bool?,
                       at date: Date = Date()) throws {
        let final = status.map(Self.isFinal) ?? false
        try warehouse.pool.write { db in
            try db.execute(sql: """
                UPDATE request_ledger SET action_type = COALESCE(?, action_type), status = COALESCE(?, status),
                    is_final = ?, final_at = CASE WHEN ? AND final_at IS NULL THEN ? ELSE final_at END,
                    replied = COALESCE(?, replied), last_polled_at = ?
                WHERE source = ? AND request_id = ?
                """, arguments: [actionType, status, final, final, Timestamp.string(date), replied, Timestamp.string(date),
                                 source, requestID])
        }
    }

    /// A status after which the vendor will not change the action any more (`Completed_Success`,
    /// `Completed_Failed`, or anything failed or cancelled).
    public static func isFinal(_ status: String) -> Bool {
        let lowered = status.lowercased()
        return lowered.hasPrefix("completed") || lowered.contains("fail") || lowered.contains("cancel")
            || lowered.contains("error")
    }
}
