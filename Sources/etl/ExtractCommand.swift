import ArgumentParser
import Foundation
import Pipeline
import Warehouse

/// `etl extract`: land the vendors' pages in the raw table, nothing else.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Fetch every configured source (or those named) into the raw landing table.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runner = PipelineRunner(configuration: try config.load(), logger: output.logger(), progress: output.progress)
        let sources = try runner.selectSources(selection.source)
        try runner.requireSecrets(of: sources)
        let lock = try runner.lockWarehouse()
        defer { lock.release() }
        let warehouse = try runner.openWarehouse()
        let log = RunLog(warehouse: warehouse)
        let runID = try runner.beginRun("extract", in: warehouse, holding: lock)
        let failed: [String]
        do {
            let outcomes = try await runner.extract(sources, window: selection.window, warehouse: warehouse, runID: runID)
            failed = outcomes.filter { $0.status != .ok }.map(\.source)
            try StorageError.naming("run log", in: warehouse) { try log.finishRun(runID, status: failed.isEmpty ? .ok : .failed) }
        } catch {
            try? log.finishRun(runID, status: .failed)
            throw error
        }
        guard failed.isEmpty else { throw RunFailed(failedSources: failed) }
    }
}
