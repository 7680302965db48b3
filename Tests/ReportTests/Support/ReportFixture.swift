import Foundation
import GRDB
@testable import Report

/// A temporary warehouse whose reporting views are tables of literal rows, hostile strings included.
enum ReportFixture {
    static let formulaName = "=cmd|' /C calc'!A0"
    static let hostile = [
        formulaName, "+SUM(1)", "-2+3", "@x", "=1+1", "\"quoted, comma\"", "line one\nline two",
        "<script>alert(1)</script>", "Zoë 李雷", "Tom & Jerry's \"deal\" <b>",
    ]
    static let hostileStatus = "<b>Pending</b>"
    static let generatedAt = Date(timeIntervalSince1970: 1_714_557_600)  // 2024-05-01T10:00:00Z

    private static func t(_ text: String) -> CellValue { .text(text) }
    private static func i(_ number: Int64) -> CellValue { .integer(number) }
    private static func r(_ number: Double) -> CellValue { .real(number) }

    /// The views: name, column names, rows (already in the order the views sort them).
    static let views: [(String, [String], [[CellValue]])] = [
        ("report_sender_summary",
         ["source", "sender_id", "sender_name", "requests_sent", "requests_accepted", "acceptance_rate",
          "messages_sent", "messages_replied", "response_rate"],
         [[t("acme"), t("s1"), t(formulaName), i(8), i(5), r(0.625), i(10), i(10), r(1.0)],
          [t("acme"), t("s2"), t("+SUM(1)"), i(0), i(0), .null, .null, .null, .null],
          [t("acme"), t("s3"), t("\"quoted, comma\""), i(3), i(1), r(1.0 / 3), i(4), i(0), r(0.0)],
          [t("acme"), t("s4"), t("line one\nline two"), i(1), .null, .null, i(2), i(1), r(0.5)],
          [t("beta"), t("s5"), t("<script>alert(1)</script>"), i(2), i(2), i(1), i(1), i(0), r(0)],
          [t("beta"), t("s6"), t("Zoë 李雷"), i(4), i(3), r(0.75), i(0), i(0), .null],
          [t("beta"), t("s7"), t("-2+3"), i(1), i(0), r(0), i(1), i(1), r(1)],
          [t("beta"), t("s8"), t("@x"), i(1), i(1), r(1), i(1), i(0), r(0)],
          [t("beta"), t("s9"), t("=1+1"), i(1), i(1), r(1), i(1), i(0), r(0)]]),
        ("report_campaign_summary",
         ["source", "campaign_id", "campaign_name", "campaign_type", "campaign_status", "sender_id", "members",
          "requests_sent", "requests_accepted", "acceptance_rate", "messages_sent", "messages_replied", "response_rate"],
         [[t("acme"), t("c1"), t("Tom & Jerry's \"deal\" <b>"), t("connect"), t("active"), t("s1"), i(40),
           i(8), i(5), r(0.625), i(10), i(10), r(1.0)],
          [t("beta"), t("c2"), t("@x"), t("message"), t("paused"), t("s5"), .null,
           i(0), .null, .null, i(3), i(1), r(1.0 / 3)]]),
        ("report_daily_activity",
         ["date", "source", "sender_id", "campaign_id", "requests_sent", "requests_accepted",
          "messages_sent", "messages_replied"],
         [[t("2024-05-01"), t("acme"), t("s1"), t("c1"), i(5), i(3), i(6), i(4)],
          [t("2024-05-02"), t("acme"), t("s1"), t("c1"), i(3), i(2), i(4), .null]]),
        ("report_request_outcomes",
         ["source", "sender_id", "action_type", "status", "requests"],
         [[t("acme"), t("s1"), t("connect"), t("accepted"), i(5)],
          [t("acme"), t("s1"), t("connect"), t("pending"), i(3)],
          [t("beta"), t("s5"), t("connect"), t("Completed_Failed"), i(1)],
          [t("beta"), t("s5"), t("connect"), t("Completed_Success"), i(4)],
          [t("beta"), t("s5"), t("message"), t(hostileStatus), i(2)],
          [t("beta"), t("s5"), t("message"), t("Completed_Success"), i(6)],
          [t("beta"), t("s6"), t("follow"), t("Skipped"), i(1)],
          [t("beta"), t("s6"), t("visit"), t("Completed_Success"), i(7)]]),
        ("report_threads",
         ["source", "sender_id", "thread_id", "prospect_name", "prospect_profile", "first_outbound_at",
          "first_reply_at", "messages_in", "messages_out", "replied"],
         [[t("acme"), t("s1"), t("123456789012345678901"), t("李雷"), t("https://www.linkedin.com/in/li-lei"),
           t("2024-05-01T09:30:00Z"), .null, i(0), i(2), i(0)],
          [t("acme"), t("s1"), t("t2"), t("Zoë"), t("javascript:alert(1)"),
           t("2024-05-01T09:30:00Z"), t("2024-05-02T10:00:00.250Z"), i(1), i(1), i(1)]]),
        ("report_kpis",
         ["requests_sent", "requests_accepted", "acceptance_rate", "messages_sent", "messages_replied", "response_rate",
          "median_reply_minutes", "p90_reply_minutes", "genuine_response_rate", "positive_reply_rate"],
         [[i(19), i(13), r(0.6842105), i(21), i(12), r(0.5714286), r(200.25), r(3120), r(0.375), r(0.125)]]),
        ("report_daily_trend",
         ["date", "requests_sent", "requests_accepted", "messages_sent", "messages_replied"],
         [[t("2024-05-01"), i(5), i(3), i(6), i(4)],
          [t("2024-05-02"), i(3), .null, i(4), i(1)],
          [t("2024-05-04"), i(7), i(2), i(0), i(0)]]),
        ("report_quality_warnings",
         ["source", "scope", "subject_id", "subject_name", "check_name", "detail"],
         [[t("acme"), t("campaign"), t("c1"), t("<img src=x onerror=alert(1)>"), t("rate_mismatch"),
           t("vendor says 70.0%, counts give 62.5%")]]),
        ("report_reply_time",
         ["source", "sender_id", "replied_threads", "median_minutes", "p90_minutes"],
         [[t("acme"), t("s1"), i(3), r(45), r(200.25)],
          [t("acme"), t("s4"), i(1), r(3120), r(3120)],
          [t("beta"), t("s5"), i(2), r(59.5), r(90)]]),
        ("report_reply_time_distribution",
         ["bucket", "threads"],
         [[t("under 1 hour"), i(2)], [t("1-4 hours"), i(3)], [t("4-24 hours"), i(0)],
          [t("1-3 days"), i(1)], [t("3-7 days"), i(0)], [t("over 7 days"), i(0)]]),
        ("report_kpi_changes",
         ["figure", "this_week", "last_week", "change"],
         [[t("requests_sent"), i(10), i(8), i(2)],
          [t("requests_accepted"), i(4), i(6), i(-2)],
          [t("acceptance_rate"), r(0.4), r(0.75), r(-0.35)],
          [t("messages_sent"), i(5), i(5), i(0)],
          [t("messages_replied"), .null, i(3), .null],
          [t("response_rate"), .null, r(0.6), .null]]),
        ("report_funnel",
         ["source", "campaign_id", "campaign_name", "members", "requests_sent", "requests_accepted",
          "messages_sent", "messages_replied"],
         [[t("acme"), t("c1"), t("Tom & Jerry's \"deal\" <b>"), i(40), i(8), i(5), i(10), i(10)],
          [t("beta"), t("c2"), t("@x"), .null, i(0), .null, i(3), i(1)]]),
        ("report_weekly",
         ["iso_week", "source", "sender_id", "requests_sent", "requests_accepted", "acceptance_rate",
          "messages_sent", "messages_replied", "response_rate"],
         [[t("2024-W18"), t("acme"), t("s1"), i(8), i(5), r(0.625), i(10), i(10), r(1.0)],
          [t("2024-W18"), t("beta"), t("s5"), i(2), i(2), r(1.0), i(1), i(0), r(0.0)]]),
        ("report_campaign_type_summary",
         ["source", "campaign_type", "campaigns", "requests_sent", "requests_accepted", "acceptance_rate",
          "messages_sent", "messages_replied", "response_rate"],
         [[t("acme"), t("connect"), i(1), i(8), i(5), r(0.625), i(10), i(10), r(1.0)],
          [t("beta"), t("message"), i(1), i(0), .null, .null, i(3), i(1), r(1.0 / 3)]]),
        ("report_cohort_acceptance",
         ["source", "cohort_week", "invitations", "accepted", "pending", "acceptance_rate"],
         []),
        ("report_people_reached",
         ["sources", "people", "invited", "accepted", "messaged", "replied"],
         [[i(1), i(5), i(4), i(2), i(3), i(1)], [i(2), i(2), i(2), i(1), i(2), i(1)]]),
        ("report_replies",
         ["source", "sender_id", "thread_id", "first_reply_at", "reply_class", "follow_ups_before_reply"],
         [[t("acme"), t("s1"), t("t2"), t("2024-05-02T10:00:00.250Z"), t("positive"), i(0)],
          [t("acme"), t("s1"), t("=1+1"), t("2024-05-03T10:00:00Z"), t("auto_reply"), i(2)]]),
        ("report_reply_quality",
         ["source", "sender_id", "conversations", "replied_conversations", "auto_replies", "genuine_replies", "positive",
          "negative", "referral", "neutral", "genuine_response_rate", "positive_reply_rate"],
         [[t("acme"), t("s1"), i(8), i(4), i(1), i(3), i(1), i(1), i(0), i(1), r(0.375), r(0.125)]]),
        ("report_follow_up_steps",
         ["source", "sender_id", "step", "conversations_reaching_step", "genuine_replies_after_step", "reply_rate"],
         [[t("acme"), t("s1"), i(1), i(8), i(2), r(0.25)], [t("acme"), t("s1"), i(2), i(4), i(1), r(0.25)],
          [t("acme"), t("s1"), i(3), i(2), i(0), r(0)]]),
        ("report_send_time",
         ["source", "weekday", "hour", "conversations_started", "genuine_replies"],
         [[t("acme"), i(1), i(9), i(5), i(2)], [t("acme"), i(3), i(14), i(3), i(1)]]),
        ("report_follow_up_step_totals",
         ["step", "conversations_reaching_step", "genuine_replies_after_step", "reply_rate"],
         [[i(1), i(8), i(2), r(0.25)], [i(2), i(4), i(1), r(0.25)], [i(3), i(2), i(0), r(0)]]),
        ("report_send_time_totals",
         ["weekday", "hour", "conversations_started", "genuine_replies", "genuine_response_rate"],
         [[i(1), i(9), i(5), i(2), r(0.4)], [i(3), i(14), i(3), i(1), r(1.0 / 3)]]),
        ("report_send_time_by_sender",
         ["source", "sender_id", "weekday", "hour", "conversations_started", "genuine_replies"],
         [[t("acme"), t("s1"), i(1), i(9), i(5), i(2)], [t("acme"), t("s1"), i(3), i(14), i(3), i(1)]]),
        ("report_kpi_periods",
         ["period", "requests_sent", "requests_accepted", "acceptance_rate", "messages_sent", "messages_replied",
          "response_rate", "median_reply_minutes", "p90_reply_minutes", "genuine_response_rate", "positive_reply_rate"],
         [[t("last_7_days"), i(2), i(1), r(0.5), i(3), i(1), r(1.0 / 3), r(30), r(60), r(0.25), r(0.125)],
          [t("last_30_days"), i(8), i(5), r(0.625), i(10), i(4), r(0.4), r(45), r(90), r(0.3), r(0.2)],
          [t("last_90_days"), i(11), i(6), r(6.0 / 11), i(14), i(10), r(10.0 / 14), r(50), r(100), r(0.3), r(0.2)],
          [t("all_time"), i(11), i(6), r(6.0 / 11), i(14), i(10), r(10.0 / 14), r(50), r(100), r(0.3), r(0.2)]]),
        ("report_campaign_steps",
         ["source", "campaign_id", "step_number", "step_type", "sent", "accepted", "replied", "acceptance_rate", "reply_rate"],
         [[t("acme"), t("c1"), i(1), t("connection_request"), i(8), i(5), .null, r(0.625), .null],
          [t("acme"), t("c1"), i(2), t("follow_up_message"), i(5), .null, i(2), .null, r(0.4)]]),
        ("report_pending_invitations",
         ["source", "sender_id", "sender_name", "pending", "pending_over_14_days", "pending_over_21_days",
          "pending_over_30_days", "as_of"],
         [[t("acme"), t("s1"), t(formulaName), i(3), .null, .null, .null, t("2024-05-01")]]),
        ("report_sender_weekly_load",
         ["iso_week", "source", "sender_id", "sender_name", "invitations_sent", "messages_sent", "invitation_cap", "message_cap",
          "invitation_cap_share", "message_cap_share", "over_cap"],
         [[t("2024-W16"), t("acme"), t("s1"), t("Ada <b>"), i(40), i(10), i(100), i(500), r(0.4), r(0.02), i(0)],
          [t("2024-W17"), t("acme"), t("s1"), t("Ada <b>"), i(120), i(10), i(100), i(500), r(1.2), r(0.02), i(1)]]),
    ]

    /// The rows of `view` in the fixture.
    static func rows(of view: String) -> [[CellValue]] {
        views.first { $0.0 == view }?.2 ?? []
    }

    static let failedSource = SourceHealth(
        name: "beta <prod>", kind: "weconnect", status: .failed, lastSuccessAt: "2024-04-30T06:00:00Z",
        error: "GET /api/v1/campaigns: HTTP 503 & \"retry later\"")
    static let sources = [
        SourceHealth(name: "acme", kind: "konnector", status: .ok, lastSuccessAt: "2024-05-01T09:55:00Z", error: nil),
        failedSource,
    ]

    /// A fresh SQLite file holding the reporting views, in a new temporary folder.
    static func makeDatabase(in directory: URL) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("warehouse.sqlite").path)
        try fill(queue)
        return queue
    }

    /// The model the report module reads from a fresh fixture database.
    static func loadModel(in directory: URL, formats: [ReportFormat] = ReportFormat.allCases) throws -> ReportModel {
        try ReportModel.load(from: makeDatabase(in: directory), generatedAt: generatedAt, sources: sources, formats: formats)
    }

    /// The fixture as a model read from a database in memory; `rows` replaces the rows of the views it names and
    /// `columns` their columns (a view given new columns and no rows is empty).
    static func model(
        replacing rows: [String: [[CellValue]]] = [:], columns: [String: [String]] = [:], sources: [SourceHealth] = sources
    ) -> ReportModel {
        do {
            let queue = try DatabaseQueue()
            try fill(queue, rows: rows, columns: columns)
            return try ReportModel.load(from: queue, generatedAt: generatedAt, sources: sources)
        } catch {
            fatalError("the fixture database: \(error)")
        }
    }

    /// Creates each view of the fixture in `queue` as a table of the same name, holding its rows as given (no
    /// column type, so every value keeps its storage class), with the replacements of `model(replacing:columns:)`.
    private static func fill(_ queue: DatabaseQueue, rows: [String: [[CellValue]]] = [:],
                             columns: [String: [String]] = [:]) throws {
        try queue.write { db in
            for (name, fixtureColumns, fixtureRows) in views {
                let names = columns[name] ?? fixtureColumns
                let values = rows[name] ?? (columns[name] == nil ? fixtureRows : [])
                try db.execute(sql: "CREATE TABLE \(name.quotedDatabaseIdentifier) ("
                    + names.map(\.quotedDatabaseIdentifier).joined(separator: ", ") + ")")
                let insert = try db.makeStatement(sql: "INSERT INTO \(name.quotedDatabaseIdentifier) VALUES ("
                    + names.map { _ in "?" }.joined(separator: ", ") + ")")
                for row in values {
                    try insert.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                }
            }
        }
    }
}

extension CellValue {
    /// The value as GRDB binds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .integer(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        }
    }
}

extension ReportModel {
    /// Every row of the contract view `name`, read into memory (for the tests' expectations only).
    func rows(of name: String) throws -> [[CellValue]] {
        guard let view = view(name) else { return [] }
        return try read { try view.table(in: $0).rows }
    }

    /// The contract view `name` with every row, in memory.
    func table(_ name: String) throws -> ReportTable {
        guard let view = view(name) else { return ReportTable(name: name, columns: [], rows: []) }
        return try read { try view.table(in: $0) }
    }
}

/// Runs `body` with a new temporary folder, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("ReportTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}
