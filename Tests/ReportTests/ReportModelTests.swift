import Foundation
import GRDB
import Testing
@testable import Report

@Suite struct ReportModelTests {
    /// Runs `body` on the model loaded from a fixture file, while the file exists.
    private func withModel<T>(_ body: (ReportModel) throws -> T) throws -> T {
        try withTemporaryDirectory { try body(ReportFixture.loadModel(in: $0)) }
    }

    @Test func readsTheContractViewsInContractOrderThenTheHealthViews() throws {
        try withModel { model in
            #expect(model.views.map(\.name) == ReportModel.fileViews)
            #expect(model.views.map(\.name) == [
                "report_sender_summary", "report_campaign_summary", "report_daily_activity",
                "report_request_outcomes", "report_threads", "report_replies", "report_reply_quality",
                "report_follow_up_steps", "report_send_time",
                "report_campaign_steps", "report_pending_invitations", "report_sender_weekly_load", "report_kpi_periods",
            ])
            for view in model.views {
                let fixture = try #require(ReportFixture.views.first { $0.0 == view.name })
                #expect(view.columns.map(\.name) == fixture.1, "columns of \(view.name)")
                #expect(try model.rows(of: view.name) == fixture.2, "rows of \(view.name)")
            }
        }
    }

    @Test func readsKPIsTrendAndWarningsAndKeepsTheSources() throws {
        try withModel { model in
            #expect(model.kpis.name == "report_kpis")
            #expect(model.kpis.rows == ReportFixture.rows(of: "report_kpis"))
            #expect(model.dailyTrend.rows == ReportFixture.rows(of: "report_daily_trend"))
            #expect(model.warnings.columns.map(\.name) == ["source", "scope", "subject_id", "subject_name", "check_name", "detail"])
            #expect(model.warnings.rows == ReportFixture.rows(of: "report_quality_warnings"))
            #expect(model.sources == ReportFixture.sources)
            #expect(model.generatedAt == ReportFixture.generatedAt)
        }
    }

    @Test func readsReplyTimesAndTheirDistribution() throws {
        try withModel { model in
            #expect(model.kpis.columns[6..<10].map(\.name)
                == ["median_reply_minutes", "p90_reply_minutes", "genuine_response_rate", "positive_reply_rate"])
            #expect(model.kpis.columns[6..<10].map(\.kind) == [.minutes, .minutes, .rate, .rate])
            #expect(model.replyTimes.name == "report_reply_time")
            #expect(model.replyTimes.columns.map(\.name)
                == ["source", "sender_id", "replied_threads", "median_minutes", "p90_minutes"])
            #expect(model.replyTimes.rows == ReportFixture.rows(of: "report_reply_time"))
            #expect(model.replyDistribution.name == "report_reply_time_distribution")
            #expect(model.replyDistribution.columns.map(\.name) == ["bucket", "threads"])
            #expect(model.replyDistribution.rows == ReportFixture.rows(of: "report_reply_time_distribution"))
        }
    }

    @Test func keepsSQLiteStorageClasses() throws {
        try withModel { model in
            let senders = try model.rows(of: "report_sender_summary")
            let row = try #require(senders.first)
            #expect(row[0] == .text("acme"))
            #expect(row[3] == .integer(8))
            #expect(row[5] == .real(0.625))
            #expect(senders[1][5] == .null)
        }
    }

    /// From a pool the model reads a snapshot: what is written after `load` is in no format of that report, so the
    /// files streamed later agree with the summaries read at load.
    @Test func aModelLoadedFromAPoolKeepsReadingTheSameSnapshot() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("warehouse.sqlite").path
            try ReportFixture.makeDatabase(in: directory).close()
            let pool = try DatabasePool(path: path)
            let model = try ReportModel.load(from: pool, generatedAt: ReportFixture.generatedAt, sources: [])
            try pool.write { db in
                try db.execute(sql: "INSERT INTO report_threads (source, sender_id, thread_id) VALUES ('acme', 's1', 'late')")
            }
            #expect(try model.rows(of: "report_threads").count == ReportFixture.rows(of: "report_threads").count)
            let out = directory.appendingPathComponent("out")
            _ = try ReportWriter().write(model, formats: [.csv], to: out)
            let csv = try String(contentsOf: out.appendingPathComponent("report_threads.csv"), encoding: .utf8)
            #expect(!csv.contains("late"))
            let fresh = try ReportModel.load(from: pool, generatedAt: ReportFixture.generatedAt, sources: [])
            #expect(try fresh.rows(of: "report_threads").count == ReportFixture.rows(of: "report_threads").count + 1)
        }
    }

    /// From a pool the summaries are read beside the formats: one that fails fails the format that shows it, which
    /// leaves no file, and not the CSV files, which show none.
    @Test func aSummaryReadBesideTheWorkbookThatFailsLeavesNoWorkbook() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("warehouse.sqlite").path
            try ReportFixture.makeDatabase(in: directory).close()
            let pool = try DatabasePool(path: path)
            try pool.write { try $0.execute(sql: "DROP TABLE report_kpis") }
            let out = directory.appendingPathComponent("out")
            let csv = try ReportModel.load(from: pool, generatedAt: ReportFixture.generatedAt, sources: [], formats: [.csv])
            #expect(try ReportWriter().write(csv, formats: [.csv], to: out).count == ReportModel.fileViews.count)
            let model = try ReportModel.load(from: pool, generatedAt: ReportFixture.generatedAt, sources: [], formats: [.xlsx])
            #expect {
                try ReportWriter().write(model, formats: [.xlsx], to: out)
            } throws: { error in
                guard case let .query(view, _)? = error as? ReportError else { return false }
                return view == "report_kpis"
            }
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.xlsx").path))
        }
    }

    @Test(arguments: ["report_quality_warnings", "report_reply_time", "report_reply_time_distribution"])
    func aMissingViewIsAQueryErrorNamingIt(missing: String) throws {
        try withTemporaryDirectory { directory in
            let db = try ReportFixture.makeDatabase(in: directory)
            try db.write { try $0.execute(sql: "DROP TABLE \(missing)") }
            #expect {
                try ReportModel.load(from: db, generatedAt: ReportFixture.generatedAt, sources: [])
            } throws: { error in
                guard case let .query(view, message)? = error as? ReportError else { return false }
                return view == missing && message.contains("no such table") && "\(error)".contains(missing)
            }
        }
    }

    @Test(arguments: [
        ("acceptance_rate", ColumnKind.rate), ("response_rate", .rate), ("date", .date),
        ("first_outbound_at", .timestamp), ("first_reply_at", .timestamp), ("replied", .count),
        ("requests_sent", .count), ("requests_accepted", .count), ("messages_sent", .count),
        ("messages_replied", .count), ("members", .count), ("requests", .count), ("messages_in", .count),
        ("messages_out", .count), ("sender_name", .text), ("source", .text), ("thread_id", .text),
        ("campaign_status", .text), ("replied_threads", .count), ("threads", .count), ("bucket", .text),
        ("median_minutes", .minutes), ("p90_minutes", .minutes), ("median_reply_minutes", .minutes),
        ("p90_reply_minutes", .minutes),
    ])
    func columnKindFollowsTheName(name: String, kind: ColumnKind) {
        #expect(ReportColumn(name: name).kind == kind)
    }

    @Test func cellTextForPeople() {
        #expect(CellValue.real(0.625).displayText(kind: .rate) == "62.5%")
        #expect(CellValue.integer(1).displayText(kind: .rate) == "100.0%")
        #expect(CellValue.null.displayText(kind: .rate) == "")
        #expect(CellValue.real(3).displayText(kind: .count) == "3")
        #expect(CellValue.real(2.5).plainText == "2.5")
        #expect(CellValue.real(.nan).plainText == "")
        #expect(CellValue.integer(-4).plainText == "-4")
    }
}
