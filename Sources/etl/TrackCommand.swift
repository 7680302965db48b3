import ArgumentParser
import Foundation
import Pipeline
import Warehouse

/// `etl track`: follow the outcome of requests submitted elsewhere.
struct TrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Register request ids submitted elsewhere (one per line, or a CSV with a request_id column; for Linked API invitations also person_url and sent_at) so later runs follow their outcome.")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The source the requests were submitted through.")
    var source: String

    @Option(help: "The file of request ids.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runner = PipelineRunner(configuration: try config.load(), logger: output.logger())
        guard let selected = try runner.selectSources([source]).first else { return }
        let requests = try RequestIDFile.readRequests(URL(fileURLWithPath: file))
        let added = try RequestTracking(source: selected).register(requests, in: try runner.openWarehouse())
        print("\(source): \(added) request ids registered, \(requests.count - added) already followed")
    }
}
