import ArgumentParser
import Foundation
import Pipeline

/// `etl run`: extract, transform and report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Extract every configured source (or those named), transform, and render the reports.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var selection: SelectionOptions

    @Flag(help: "Run only the sources whose schedule is due (with --source, only those of the named ones); when none is, do nothing.")
    var due = false

    @OptionGroup var reports: ReportOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let logger = output.logger()
        let configuration = reports.apply(to: try config.load())
        let runner = PipelineRunner(configuration: configuration, logger: logger, progress: output.progress)
        var names = selection.source
        if due {
            let selected = try runner.selectSources(selection.source)
            // The warehouse opened to read the run log is let go before the run opens its own.
            let dueSources = try DueSources(configuration: configuration, history: RunHistory(warehouse: try runner.openWarehouse()))
                .select(selected, now: Date())
            guard !dueSources.isEmpty else {
                logger.info("nothing due")
                return
            }
            names = dueSources.map(\.name)
            logger.info("due: \(names.joined(separator: ", "))")
        }
        let result = try await runner.run(sources: names, window: selection.window)
        if let index = result.files.first(where: { $0.lastPathComponent == "index.html" }) {
            print(index.path)
        }
        guard result.succeeded else {
            throw RunFailed(failedSources: result.outcomes.filter { $0.status != .ok }.map(\.source))
        }
        if let publish = result.publish, !publish.succeeded {
            throw PublishFailed(destinations: publish.failed.map(\.destination))
        }
    }
}
