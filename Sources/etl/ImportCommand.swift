import ArgumentParser
import Foundation
import Pipeline

/// `etl import`: load a saved LinkedIn mobile mailbox or connections file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a saved LinkedIn mobile /li/v1/pages/mailbox or /li/v1/people/:id/connections JSON file into the warehouse.")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The source name the file's data appears under in the reports.")
    var source: String

    @Option(help: "The JSON file.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let logger = output.logger()
        let runner = PipelineRunner(configuration: try config.load(), logger: logger)
        if let problem = SourceName.problem(with: source) { throw ConfigurationError(file: nil, "--source: \(problem)") }
        if let configured = runner.configuration.sources.first(where: { $0.name == source }) {
            throw ConfigurationError(file: nil, "source \"\(source)\" is a configured \(configured.kind.rawValue) source; import LinkedIn mobile files under a name of their own")
        }
        let lock = try runner.lockWarehouse()
        defer { lock.release() }
        let warehouse = try runner.openWarehouse()
        let outcome = try MobileImport(source: source).land(URL(fileURLWithPath: file), in: warehouse)
        try runner.transform(warehouse, rebuild: false)
        let what = outcome.content == .mailbox ? "mailbox" : "connections"
        print(outcome.landed
            ? "\(source): \(what) file imported (\(outcome.items) items)"
            : "\(source): this \(what) file was imported before; nothing changed")
    }
}
