import Foundation
import Warehouse

/// Reads the warehouse's run log (`run`, `run_source`) for schedules and `etl status`.
public struct RunHistory: Sendable {
    private let warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// The commands whose successful extraction of a source counts as that source's success
    /// (`etl listen` lands pages too, but it does not read a source's data through).
    public static let extractingCommands = ["run", "extract"]

    /// Each source's latest success: its latest `run_source` row with status `ok` (by `finished_at`)
    /// within an extracting command, by source name.
    public func lastSuccesses() throws -> [String: LastSuccess] {
        let commands = Self.extractingCommands.map { "'\($0)'" }.joined(separator: ", ")
        return try warehouse.pool.read { db in
            // SQLite takes the bare column r.started_at from the row that holds MAX(rs.finished_at).
            let rows = try Row.fetchAll(db, sql: """
                SELECT rs.source, MAX(rs.finished_at) AS finished_at, r.started_at AS run_started_at
                FROM run_source rs JOIN run r ON r.id = rs.run_id
                WHERE rs.status = 'ok' AND rs.finished_at IS NOT NULL AND r.command IN (\(commands))
                GROUP BY rs.source
                """)
            var successes: [String: LastSuccess] = [:]
            for row in rows {
                let source: String = row["source"]
                guard let finished = Self.date(row["finished_at"]) else { continue }
                let started = Self.date(row["run_started_at"]) ?? finished
                successes[source] = LastSuccess(source: source, runStartedAt: min(started, finished), finishedAt: finished)
            }
            return successes
        }
    }

    /// One source's latest success, nil when it never succeeded.
    public func lastSuccess(source: String) throws -> LastSuccess? {
        try lastSuccesses()[source]
    }

    /// The latest `limit` runs, newest first.
    public func recentRuns(limit: Int = 10) throws -> [RunRecord] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, command, started_at, finished_at, status FROM run ORDER BY id DESC LIMIT ?",
                             arguments: [limit]).map {
                RunRecord(id: $0["id"], command: $0["command"], startedAt: Self.date($0["started_at"]),
                          finishedAt: Self.date($0["finished_at"]), status: RunStatus(stored: $0["status"]))
            }
        }
    }

    /// Each source's outcome in the latest run that included it, by source name.
    public func latestSourceRuns() throws -> [SourceRunRecord] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rs.* FROM run_source rs
                JOIN (SELECT source, MAX(run_id) AS run_id FROM run_source GROUP BY source) latest USING (source, run_id)
                ORDER BY rs.source
                """).map {
                SourceRunRecord(runID: $0["run_id"], source: $0["source"], kind: $0["kind"], status: RunStatus(stored: $0["status"]),
                                pages: $0["pages"], rows: $0["rows"], apiCalls: $0["api_calls"], retries: $0["retries"],
                                rateLimited: $0["rate_limited"], startedAt: Self.date($0["started_at"]),
                                finishedAt: Self.date($0["finished_at"]), error: $0["error"])
            }
        }
    }

    private static func date(_ text: String?) -> Date? {
        text.flatMap(Timestamp.date(fromVendor:))
    }
}
