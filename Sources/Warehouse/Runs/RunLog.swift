import Foundation

/// The table of runs and, per run, each source's outcome.
public struct RunLog: Sendable {
    private let warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// Records the start of a run and returns its id.
    public func beginRun(command: String, at date: Date = Date()) throws -> Int64 {
        try warehouse.pool.write { db in
            try db.execute(sql: "INSERT INTO run (command, started_at) VALUES (?, ?)",
                           arguments: [command, Timestamp.string(date)])
            return db.lastInsertedRowID
        }
    }

    /// Records the end of a run.
    public func finishRun(_ runID: Int64, status: RunStatus, at date: Date = Date()) throws {
        try warehouse.pool.write { db in
            try db.execute(sql: "UPDATE run SET finished_at = ?, status = ? WHERE id = ?",
                           arguments: [Timestamp.string(date), status, runID])
        }
    }

    /// Marks every run of `commands` still `running` as `interrupted`; returns how many. Only a
    /// caller that knows none of them is live may call it (one holding the warehouse lock that
    /// those commands take).
    @discardableResult
    public func markInterrupted(commands: [String]) throws -> Int {
        try warehouse.pool.write { db in
            let placeholders = commands.map { _ in "?" }.joined(separator: ", ")
            try db.execute(sql: "UPDATE run SET status = ? WHERE status = ? AND finished_at IS NULL AND command IN (\(placeholders))",
                           arguments: StatementArguments([RunStatus.interrupted.rawValue, RunStatus.running.rawValue] + commands))
            return db.changesCount
        }
    }

    /// Records one source's outcome within a run.
    public func recordSource(_ outcome: SourceOutcome, runID: Int64) throws {
        try warehouse.pool.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO run_source (run_id, source, kind, status, pages, rows, api_calls, retries,
                                                   rate_limited, started_at, finished_at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [runID, outcome.source, outcome.kind, outcome.status, outcome.pages, outcome.rows,
                                 outcome.apiCalls, outcome.retries, outcome.rateLimited,
                                 Timestamp.string(outcome.startedAt), Timestamp.string(outcome.finishedAt),
                                 outcome.error])
        }
    }

    /// Each source's latest outcome and the time of its latest success.
    public func sourceHealth() throws -> [SourceHealthRecord] {
        try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rs.source, rs.kind, rs.status, rs.error,
                       (SELECT MAX(finished_at) FROM run_source ok
                        WHERE ok.source = rs.source AND ok.status = ?) AS last_success_at
                FROM run_source rs
                JOIN (SELECT source, MAX(run_id) AS run_id FROM run_source GROUP BY source) latest
                  USING (source, run_id)
                ORDER BY rs.source
                """, arguments: [RunStatus.ok]).map {
                SourceHealthRecord(source: $0["source"], kind: $0["kind"], status: RunStatus(stored: $0["status"]),
                                   error: $0["error"], lastSuccessAt: $0["last_success_at"])
            }
        }
    }
}

/// What one source did in one run.
public struct SourceOutcome: Sendable {
    public var source: String
    public var kind: String
    public var status: RunStatus
    public var pages = 0
    /// Records read from the vendor (campaigns, daily rows, threads, messages, request statuses).
    public var rows = 0
    public var apiCalls = 0
    public var retries = 0
    public var rateLimited = 0
    public var startedAt: Date
    public var finishedAt: Date
    public var error: String?

    public init(source: String, kind: String, status: RunStatus, startedAt: Date, finishedAt: Date) {
        self.source = source
        self.kind = kind
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// A source's latest status and last good data, as the reports' banner shows it.
public struct SourceHealthRecord: Sendable, Equatable {
    public var source: String
    public var kind: String
    public var status: RunStatus
    public var error: String?
    public var lastSuccessAt: String?
}
