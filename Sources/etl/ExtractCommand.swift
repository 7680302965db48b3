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
        let warehouse = try runner.openWarehouse()
        let lock = try runner.lockWarehouse()
        defer { lock.release() }
        let log = RunLog(warehouse: warehouse)
        let runID = try log.beginRun(command: "extract")
        let outcomes = try await runner.extract(sources, window: selection.window, warehouse: warehouse, runID: runID)
        let failed = outcomes.filter { $0.status != "ok" }.map(\.source)
        try log.finishRun(runID, status: failed.isEmpty ? "ok" : "failed")
        guard failed.isEmpty else { throw RunFailed(failedSources: failed) }
    }
}
