import Foundation
import Pipeline
import TestSupport
import Testing
import Warehouse

/// The run log as schedules and `etl status` read it: last successes, due sources, the report.
@Suite struct ScheduleHistoryTests {
    private func at(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text), "bad test time \(text)")
    }

    private func source(_ name: String, _ schedule: String) throws -> SourceConfiguration {
        SourceConfiguration(name: name, kind: .konnector, baseURL: try #require(URL(string: "http://127.0.0.1:9")),
                            apiKeyEnv: "K", schedule: try Schedule(parsing: schedule))
    }

    /// Records one run of `command` with one outcome per source, starting at `start` and taking a minute.
    private func record(_ log: RunLog, command: String, start: String, outcomes: [(String, RunStatus)], error: String? = nil) throws {
        let started = try at(start)
        let runID = try log.beginRun(command: command, at: started)
        for (source, status) in outcomes {
            var outcome = SourceOutcome(source: source, kind: "konnector", status: status, startedAt: started.addingTimeInterval(5),
                                        finishedAt: started.addingTimeInterval(60))
            outcome.pages = 7
            outcome.apiCalls = 9
            outcome.error = status == .ok ? nil : error
            try log.recordSource(outcome, runID: runID)
        }
        try log.finishRun(runID, status: outcomes.allSatisfy { $0.1 == .ok } ? .ok : .failed, at: started.addingTimeInterval(61))
    }

    @Test func lastSuccessIsTheLatestOkExtractionAndSchedulesCountFromItsRunsStart() throws {
        let directory = try TemporaryDirectory("schedule-history")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        let log = RunLog(warehouse: warehouse)
        try record(log, command: "run", start: "2026-03-27T02:00:00Z", outcomes: [("a", .ok), ("b", .ok)])
        try record(log, command: "run", start: "2026-03-28T02:00:00Z", outcomes: [("a", .ok), ("b", .failed)])
        try record(log, command: "extract", start: "2026-03-28T03:00:00Z", outcomes: [("c", .ok)])
        // A listen session lands events but does not read a source through: it does not count.
        try record(log, command: "listen", start: "2026-03-28T12:00:00Z", outcomes: [("a", .ok)])

        let successes = try RunHistory(warehouse: warehouse).lastSuccesses()
        #expect(successes["a"] == LastSuccess(source: "a", runStartedAt: try at("2026-03-28T02:00:00Z"),
                                              finishedAt: try at("2026-03-28T02:01:00Z")))
        #expect(successes["b"]?.runStartedAt == (try at("2026-03-27T02:00:00Z")))
        #expect(successes["c"]?.finishedAt == (try at("2026-03-28T03:01:00Z")))
        #expect(successes["d"] == nil)
        #expect(try RunHistory(warehouse: warehouse).lastSuccess(source: "b")?.finishedAt == (try at("2026-03-27T02:01:00Z")))

        let sources = [try source("a", "daily"), try source("b", "daily"), try source("c", "every 6h"), try source("d", "weekly")]
        let due = DueSources(zone: PipelineConfiguration.utc, lastSuccesses: successes)
        #expect(due.select(sources, now: try at("2026-03-28T08:54:59Z")).map(\.name) == ["b", "d"])
        #expect(due.select(sources, now: try at("2026-03-28T08:55:00Z")).map(\.name) == ["b", "c", "d"])
        // 23h55m after a's run started: due, even though its extraction finished a minute later.
        #expect(due.select(sources, now: try at("2026-03-29T01:55:00Z")).map(\.name) == ["a", "b", "c", "d"])
        #expect(due.select([try source("a", "daily")], now: try at("2026-03-29T01:54:59Z")).isEmpty)
    }

    @Test func recentRunsAndEachSourcesLatestOutcome() throws {
        let directory = try TemporaryDirectory("schedule-history")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        let log = RunLog(warehouse: warehouse)
        for day in 10...21 {
            try record(log, command: "run", start: "2026-03-\(day)T02:00:00Z", outcomes: [("a", .ok)])
        }
        try record(log, command: "run", start: "2026-03-22T02:00:00Z", outcomes: [("b", .failed)], error: "b: boom")
        let history = RunHistory(warehouse: warehouse)
        let runs = try history.recentRuns()
        #expect(runs.count == 10)
        #expect(runs.first?.id == 13)
        #expect(runs.first?.status == .failed)
        #expect(runs.last?.id == 4)
        let latest = try history.latestSourceRuns()
        #expect(latest.map(\.source) == ["a", "b"])
        #expect(latest.map(\.runID) == [12, 13])
        #expect(latest[1].error == "b: boom")
        #expect(latest[0].pages == 7 && latest[0].apiCalls == 9)
    }

    @Test func theStatusReportShowsEverySectionAndNeverASecret() throws {
        let directory = try TemporaryDirectory("schedule-status")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        let secret = "sk-live-4f9a2c"
        try record(RunLog(warehouse: warehouse), command: "run", start: "2026-03-28T02:00:00Z",
                   outcomes: [("a", .ok), ("b", .failed)], error: "b: HTTP 401 for key \(secret)\nsecond line")
        let configuration = PipelineConfiguration(
            warehouse: warehouse.url, reportsDirectory: directory.file("reports"),
            sources: [try source("a", "daily at 06:00"), try source("b", "every 6h"), try source("c", "weekly")],
            scheduleZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        let report = try StatusReport.gather(configuration: configuration, warehouse: warehouse, now: try at("2026-03-28T04:59:00Z"))
        let text = report.render(redacting: [secret, "short"])
        for title in StatusReport.titles { #expect(text.contains("\n\(title)\n"), "\(title)") }
        #expect(!text.contains(secret))
        #expect(text.contains("HTTP 401 for key [redacted] second line"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sourceRows = lines.filter { $0.hasPrefix("  a ") || $0.hasPrefix("  b ") || $0.hasPrefix("  c ") }
            .map { $0.split(separator: " ").map(String.init) }
        // Latest outcomes: a ok, b failed (run 1, 7 pages, 0 rows, 9 calls, 0 retries, 0 429s, 55.0s).
        #expect(sourceRows.contains(["a", "1", "ok", "7", "0", "9", "0", "0", "55.0s"]))
        #expect(sourceRows.contains { $0.starts(with: ["b", "1", "failed", "7", "0", "9"]) })
        // Sources at 05:59 Berlin time: a last succeeded at 03:01 Berlin, before today's 06:00 (not due yet);
        // b never succeeded; c never ran.
        #expect(sourceRows.contains(["a", "konnector", "daily", "at", "06:00", "no", "2026-03-28T02:01:00Z", "no"]))
        #expect(sourceRows.contains(["b", "konnector", "every", "6h", "yes", "never", "yes"]))
        #expect(sourceRows.contains(["c", "konnector", "weekly", "yes", "never", "yes"]))
        #expect(text.contains("zone Europe/Berlin"))
        #expect(lines.filter { $0 == "  none" }.count == 3)
    }

    @Test func textTablesAlignColumns() {
        let table = TextTable(columns: ["name", "n", "note"], rows: [["a", "10", ""], ["long name", "7", "x"]], rightAligned: [1])
        #expect(table.render(indent: "") == ["name        n  note", "a          10", "long name   7  x"])
    }
}
