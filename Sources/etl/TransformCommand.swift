import ArgumentParser
import Pipeline

/// `etl transform`: load raw pages into the star schema.
struct TransformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform", abstract: "Load the raw pages not loaded yet into the star schema.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Empty the star schema and rebuild it from every raw page, with no API call.")
    var rebuild = false

    func run() async throws {
        let runner = PipelineRunner(configuration: try config.load(), logger: output.logger())
        let lock = try runner.lockWarehouse()
        defer { lock.release() }
        try runner.transform(try runner.openWarehouse(), rebuild: rebuild)
    }
}
