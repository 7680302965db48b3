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
        try register(source: source, requests: requestIDs.map { TrackedRequest(id: $0) }, at: date)
    }

    /// Registers requests with the person each is about (already known ones keep what they have,
    /// gaining a subject they lacked); returns how many were new.
    @discardableResult
    public func register(source: String, requests: [TrackedRequest], at date: Date = Date()) throws -> Int {
        try warehouse.pool.write { db in
            var added = 0
            let statement = try db.makeStatement(sql: """
                INSERT INTO request_ledger (source, request_id, registered_at, subject) VALUES (?, ?, ?, ?)
                ON CONFLICT(source, request_id) DO UPDATE SET subject = COALESCE(subject, excluded.subject)
                """)
            for request in requests {
                let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request_ledger WHERE source = ? AND request_id = ?",
                                              arguments: [source, request.id]) ?? 0
                try statement.execute(arguments: [source, request.id, Timestamp.string(date), request.subject])
                added += before == 0 ? 1 : 0
            }
            return added
        }
    }

    /// The requests about a person (invitations) whose outcome is not final, those checked least
    /// recently first, at most `limit`.
    public func openSubjects(source: String, limit: Int) throws -> [TrackedRequest] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT request_id, subject FROM request_ledger
                WHERE source = ? AND is_final = 0 AND subject IS NOT NULL
                ORDER BY last_polled_at IS NOT NULL, last_polled_at, registered_at, request_id
                LIMIT ?
                """, arguments: [source, limit]).map { TrackedRequest(id: $0["request_id"], subject: $0["subject"]) }
        }
    }

    /// Every person a request of the source is about, with the request's status.
    public func subjects(source: String) throws -> [(subject: String, status: String?)] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT subject, status FROM request_ledger WHERE source = ? AND subject IS NOT NULL ORDER BY registered_at, request_id
                """, arguments: [source]).map { ($0["subject"], $0["status"]) }
        }
    }

    /// The ids to poll now: not final yet, or a message without a reply that became final within `lookbackDays`.
    public func due(source: String, lookbackDays: Int, now: Date = Date()) throws -> [String] {
        let horizon = Timestamp.string(now.addingTimeInterval(-Double(lookbackDays) * 86_400))
        return try warehouse.pool.read { db in
            // Requests not final first, then messages waiting for a reply; the least recently
            // polled first within each, so a small allowance reaches every request in turn.
            try String.fetchAll(db, sql: """
                SELECT request_id FROM request_ledger
                WHERE source = ? AND (is_final = 0
                      OR (action_type = 'message' AND COALESCE(replied, 0) = 0 AND final_at >= ?))
                ORDER BY is_final, last_polled_at IS NOT NULL, last_polled_at, registered_at, request_id
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

    /// A status after which the vendor will not change the action any more: WeConnect's
    /// `Completed_*`, We-Link's `SUCCESS` and failure codes (`PROFILE_NOT_FOUND`,
    /// `*_FAILED`), Linked API's `connected` and `notConnected`, anything failed, cancelled or
    /// declined. Any other status (`Pending`, `In_Queue`...) is polled again.
    public static func isFinal(_ status: String) -> Bool {
        let lowered = status.lowercased()
        let final = ["success", "fail", "cancel", "error", "not_found", "notfound", "connected", "declined", "withdrawn",
                     "rejected", "expired"]
        return lowered.hasPrefix("completed") || final.contains { lowered.contains($0) }
    }

    /// The action type each request of the source is known to have.
    public func actionTypes(source: String) throws -> [String: String] {
        try warehouse.pool.read { db in
            var types: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT request_id, action_type FROM request_ledger WHERE source = ? AND action_type IS NOT NULL",
                                        arguments: [source]) {
                types[row["request_id"]] = row["action_type"]
            }
            return types
        }
    }
}


/// A request followed in the ledger: its id and, for an invitation, the person it went to.
public struct TrackedRequest: Sendable, Equatable {
    public var id: String
    /// The person's LinkedIn profile URL, when the request is about one.
    public var subject: String?
    /// When the request was sent, as its file said (`YYYY-MM-DD` or ISO 8601).
    public var sentAt: String?

    public init(id: String, subject: String? = nil, sentAt: String? = nil) {
        self.id = id
        self.subject = subject
        self.sentAt = sentAt
    }
}
