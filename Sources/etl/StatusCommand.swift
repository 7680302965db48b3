import ArgumentParser
import Foundation
import Pipeline
import Warehouse

/// `etl status`: what ran, what is due, and what the data looks like, without calling any API.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the latest runs, each source's schedule and health, bookmarks, API budgets and data-quality warnings.")

    @OptionGroup var config: ConfigOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let configuration = try config.load()
        // A warehouse this user cannot write is still read (read-only, nothing migrated).
        let warehouse = try Warehouse.forReading(at: configuration.warehouse)
        let report = try StatusReport.gather(configuration: configuration, warehouse: warehouse)
        // The warehouse holds nothing secret, but a secret that slipped in must still never be shown.
        let environment = ProcessInfo.processInfo.environment
        let secrets = configuration.sources
            .flatMap { $0.secretVariables.filter { $0.key != "email_env" }.map(\.variable) }
            .compactMap { environment[$0] }
        FileHandle.standardOutput.write(Data(report.render(redacting: secrets).utf8))
    }
}
