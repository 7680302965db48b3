import ArgumentParser
import Foundation
import Pipeline

/// `etl status`: what ran, what is due, and what the data looks like, without calling any API.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the latest runs, each source's schedule and health, bookmarks, API budgets and data-quality warnings.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let configuration = try config.load()
        let runner = PipelineRunner(configuration: configuration, logger: output.logger())
        let report = try StatusReport.gather(configuration: configuration, warehouse: try runner.openWarehouse())
        // The warehouse holds nothing secret, but a secret that slipped in must still never be shown.
        let environment = ProcessInfo.processInfo.environment
        let secrets = configuration.sources
            .flatMap { [$0.apiKeyEnv, $0.passwordEnv] }
            .compactMap { $0.flatMap { environment[$0] } }
        FileHandle.standardOutput.write(Data(report.render(redacting: secrets).utf8))
    }
}
