import ArgumentParser
import Pipeline

/// `etl report`: render CSV, XLSX and HTML from the views.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render the configured report formats from the warehouse's views.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var reports: ReportOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runner = PipelineRunner(configuration: reports.apply(to: try config.load()), logger: output.logger())
        let lock = try runner.lockWarehouse()
        defer { lock.release() }
        let files = try runner.report(try runner.openWarehouse())
        for file in files { print(file.path) }
    }
}
