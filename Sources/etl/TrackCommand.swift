import ArgumentParser
import Foundation
import Pipeline
import Warehouse

/// `etl track`: follow the outcome of requests submitted elsewhere.
struct TrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Register request ids submitted elsewhere (one per line, or a CSV with a request_id column) so later runs follow their outcome.")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The source the requests were submitted through.")
    var source: String

    @Option(help: "The file of request ids.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runner = PipelineRunner(configuration: try config.load(), logger: output.logger())
        guard let selected = try runner.selectSources([source]).first else { return }
        guard selected.kind == "weconnect" else {
            throw ConfigurationError(file: nil, "source \"\(source)\" is \(selected.kind); only weconnect sources follow request ids")
        }
        let ids = try RequestIDFile.read(URL(fileURLWithPath: file))
        let added = try RequestLedger(warehouse: try runner.openWarehouse()).register(source: source, requestIDs: ids)
        print("\(source): \(added) request ids registered, \(ids.count - added) already followed")
    }
}
