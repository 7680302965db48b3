import ArgumentParser
import Foundation
import Pipeline

/// `etl run`: extract, transform and report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Extract every configured source (or those named), transform, and render the reports.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let logger = output.logger()
        let runner = PipelineRunner(configuration: try config.load(), logger: logger)
        let result = try await runner.run(sources: selection.source, window: selection.window)
        if let index = result.files.first(where: { $0.lastPathComponent == "index.html" }) {
            print(index.path)
        }
        guard result.succeeded else {
            throw RunFailed(failedSources: result.outcomes.filter { $0.status != "ok" }.map(\.source))
        }
    }
}
