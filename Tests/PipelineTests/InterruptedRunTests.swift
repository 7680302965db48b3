import Foundation
import Pipeline
import TestSupport
import Testing
import Warehouse

/// A run killed or failed never stays `running` in the run log: the next run to take the lock marks
/// it `interrupted`, and a run that throws records itself `failed`.
@Suite struct InterruptedRunTests {
    private func runner(_ directory: TemporaryDirectory, reports: String = "reports") -> PipelineRunner {
        PipelineRunner(configuration: PipelineConfiguration(warehouse: directory.file("warehouse.sqlite"),
                                                            reportsDirectory: directory.file(reports), sources: []),
                       environment: [:])
    }

    @Test func aRunLeftUnfinishedIsMarkedInterruptedWhenTheNextRunTakesTheLock() throws {
        let directory = try TemporaryDirectory("interrupted")
        defer { directory.remove() }
        let runner = runner(directory)
        do {
            // A run that died while it held the lock: begun, never finished.
            let lock = try runner.lockWarehouse()
            _ = try runner.beginRun("run", in: try runner.openWarehouse(), holding: lock)
            lock.release()
        }
        let warehouse = try runner.openWarehouse()
        // A receiver serving now takes no lock, so the next run cannot know it is dead: it stays running.
        _ = try RunLog(warehouse: warehouse).beginRun(command: "webhook")
        let lock = try runner.lockWarehouse()
        defer { lock.release() }
        _ = try runner.beginRun("extract", in: warehouse, holding: lock)

        let runs = try RunHistory(warehouse: warehouse).recentRuns()
        #expect(runs.map(\.command) == ["extract", "webhook", "run"])
        #expect(runs.map(\.status) == [.running, .running, .interrupted])
        let configuration = runner.configuration
        let text = try StatusReport.gather(configuration: configuration, warehouse: warehouse).render()
        let runLine = text.split(separator: "\n").first { $0.split(separator: " ").starts(with: ["1", "run"]) }
        #expect(runLine?.hasSuffix(" interrupted") == true, "\(text)")
    }

    @Test func aRunThatThrowsIsRecordedFailedNotLeftRunning() async throws {
        let directory = try TemporaryDirectory("failed-run")
        defer { directory.remove() }
        // The reports go where a file already is, so the report stage throws after the run began.
        try #require(FileManager.default.createFile(atPath: directory.file("taken").path, contents: Data("x".utf8)))
        let runner = runner(directory, reports: "taken")
        await #expect(throws: (any Error).self) { try await runner.run() }
        let runs = try RunHistory(warehouse: try runner.openWarehouse()).recentRuns()
        #expect(runs.map(\.status) == [.failed])
        #expect(runs.first?.finishedAt != nil)
    }
}
