import ArgumentParser
import Pipeline

/// `etl publish`: publish the warehouse to the configured destinations, without a run.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the star schema and every reporting view to the configured [[destinations]] (or the one named).")

    @OptionGroup var config: ConfigOptions

    @Option(name: .customLong("destination"), help: "Publish only to this destination (repeatable).")
    var destinations: [String] = []

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runner = PipelineRunner(configuration: try config.load(), logger: output.logger())
        let selected = try runner.selectDestinations(destinations)
        guard !selected.isEmpty else {
            throw CommandFailed(command: "publish", cause: "the configuration names no [[destinations]]")
        }
        let result = try await runner.publish(try runner.openWarehouse(), destinations: destinations)
        guard result.succeeded else { throw PublishFailed(destinations: result.failed.map(\.destination)) }
    }
}
