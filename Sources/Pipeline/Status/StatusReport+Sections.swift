import Foundation
import Warehouse

extension StatusReport {
    static func lastRuns(_ runs: [RunRecord], latest: [SourceRunRecord]) -> StatusSection {
        let runTable = TextTable(
            columns: ["id", "command", "started", "duration", "status"],
            rows: runs.map { run in
                [String(run.id), run.command, StatusFormat.time(run.startedAt),
                 StatusFormat.duration(from: run.startedAt, to: run.finishedAt), run.status.rawValue]
            },
            rightAligned: [0, 3])
        let sourceTable = TextTable(
            columns: ["source", "run", "status", "pages", "rows", "API calls", "retries", "429s", "duration", "error"],
            rows: latest.map { outcome in
                [outcome.source, String(outcome.runID), outcome.status.rawValue, String(outcome.pages), String(outcome.rows),
                 String(outcome.apiCalls),
                 String(outcome.retries), String(outcome.rateLimited),
                 StatusFormat.duration(from: outcome.startedAt, to: outcome.finishedAt), outcome.error ?? ""]
            },
            rightAligned: [1, 3, 4, 5, 6, 7, 8])
        return StatusSection(title: "Last runs", parts: [
            .init(caption: "The latest 10 runs", table: runTable),
            .init(caption: "The latest run of each source", table: sourceTable),
        ])
    }

    static func sources(_ configuration: PipelineConfiguration, successes: [String: LastSuccess],
                        latest: [SourceRunRecord], now: Date) -> StatusSection {
        let due = DueSources(zone: configuration.scheduleZone, lastSuccesses: successes)
        let table = TextTable(
            columns: ["source", "kind", "schedule", "due now", "last success", "stale"],
            rows: configuration.sources.map { source in
                let success = successes[source.name]
                let failedLast = latest.first { $0.source == source.name }?.status == .failed
                let stale = success.map { now.timeIntervalSince($0.finishedAt) > 2 * source.scheduleRule.period || failedLast } ?? true
                return [source.name, source.kind.rawValue, source.schedule, StatusFormat.yesNo(due.isDue(source, now: now)),
                        success.map { StatusFormat.time($0.finishedAt) } ?? "never", StatusFormat.yesNo(stale)]
            })
        return StatusSection(
            title: "Sources",
            notes: ["schedules are read in zone \(configuration.scheduleZone.identifier); a source is stale when it never "
                    + "succeeded, its latest run failed, or its last success is older than two periods of its schedule"],
            parts: [.init(table: table)])
    }

    static func bookmarks(_ bookmarks: [(source: String, endpoint: String, value: String, updatedAt: String)]) -> StatusSection {
        let table = TextTable(
            columns: ["source", "endpoint", "value", "updated"],
            rows: bookmarks.map { [$0.source, $0.endpoint, $0.value, Timestamp.date(fromVendor: $0.updatedAt).map(StatusFormat.time) ?? $0.updatedAt] })
        return StatusSection(title: "Bookmarks", parts: [.init(table: table)])
    }

    /// Each credential's allowance as it stands at `now`: a day that is over counts as a fresh one;
    /// the requests of the last hour show what a rolling-hour vendor (We-Link) has left.
    static func apiBudget(_ warehouse: Warehouse, now: Date) throws -> StatusSection {
        let hourAgo = Timestamp.string(now.addingTimeInterval(-3_600))
        let rows: [[String]] = try warehouse.pool.read { db in
            guard try db.tableExists("api_budget") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT b.*, (SELECT COUNT(*) FROM api_call c WHERE c.credential = b.credential AND c.called_at > ?) AS hour_used,
                       (SELECT exhausted_until FROM api_window w WHERE w.credential = b.credential) AS window_until
                FROM api_budget b ORDER BY source, credential
                """, arguments: [hourAgo]).map { row in
                let started = (row["day_started_at"] as String?).flatMap(Timestamp.date(fromVendor:))
                let current = started.map { now.timeIntervalSince($0) < 86_400 } ?? false
                let used = current ? (row["day_used"] as Int?) ?? 0 : 0
                let limit = row["day_limit"] as Int?
                let reported = current ? row["remaining_reported"] as Int? : nil
                let remaining = reported.map { "\($0) (vendor)" } ?? limit.map { String(max(0, $0 - used)) } ?? "-"
                let until = [row["exhausted_until"] as String?, row["window_until"] as String?]
                    .compactMap { $0.flatMap(Timestamp.date(fromVendor:)) }.filter { $0 > now }.max()
                return [row["source"] ?? "", String(used), limit.map(String.init) ?? "-", remaining,
                        String(row["hour_used"] as Int? ?? 0), StatusFormat.time(until)]
            }
        }
        let table = TextTable(columns: ["source", "used today", "limit", "remaining", "last hour", "exhausted until"], rows: rows,
                              rightAligned: [1, 2, 3, 4])
        return StatusSection(title: "API budget", parts: [.init(table: table)])
    }

    static func qualityWarnings(_ warehouse: Warehouse) throws -> StatusSection {
        let columns = ["source", "scope", "subject_id", "subject_name", "check_name", "detail"]
        let rows: [[String]] = try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT source, scope, subject_id, subject_name, check_name, detail FROM report_quality_warnings
                ORDER BY 1, 2, 3, 4, 5, 6
                """).map { row in
                row.databaseValues.map { value in value.isNull ? "" : (String.fromDatabaseValue(value) ?? value.description) }
            }
        }
        return StatusSection(title: "Data-quality warnings", parts: [.init(table: TextTable(columns: columns, rows: rows))])
    }

    /// The senders over a weekly cap (`[reports] weekly_invitation_cap`, `weekly_message_cap`) in the last complete
    /// ISO week before `now`.
    static func weeklyCaps(_ warehouse: Warehouse, now: Date) throws -> StatusSection {
        let week = CivilDate(utcDayOfEpochSeconds: now.timeIntervalSince1970).lastCompleteISOWeek
        let columns = ["source", "sender_id", "sender_name", "invitations_sent", "invitation_cap", "messages_sent", "message_cap"]
        let rows: [[String]] = try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT source, sender_id, sender_name, invitations_sent, invitation_cap, messages_sent, message_cap
                FROM report_sender_weekly_load WHERE iso_week = ? AND over_cap = 1 ORDER BY 1, 2
                """, arguments: [week]).map { row in
                row.databaseValues.map { value in value.isNull ? "" : (String.fromDatabaseValue(value) ?? value.description) }
            }
        }
        guard !rows.isEmpty else {
            return StatusSection(title: "Weekly caps", notes: ["no sender over a weekly cap in \(week), the last complete week"], parts: [])
        }
        return StatusSection(title: "Weekly caps", notes: ["\(rows.count) over a weekly cap in \(week), the last complete week: "
                                                          + "LinkedIn restricts accounts that send much more"],
                             parts: [.init(table: TextTable(columns: columns, rows: rows))])
    }
}
