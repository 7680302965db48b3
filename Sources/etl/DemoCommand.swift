import Demo
import ArgumentParser
import Foundation
import Pipeline

/// `etl demo`: the sandbox run behind `make demo`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the whole pipeline against the embedded sandbox vendor APIs on loopback.")

    @Option(help: "Sandbox data size: 1 is a small team; each step adds as many senders and campaigns again.")
    var scale = 1

    @Option(help: "Where the warehouse and the reports go.")
    var out = "reports/demo"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...1000).contains(scale) else { throw ValidationError("--scale must be from 1 to 1000") }
    }

    func run() async throws {
        let directory = URL(fileURLWithPath: out).standardizedFileURL
        let result = try await Demo.run(scale: scale, directory: directory, logger: output.logger(), progress: output.progress)
        guard result.succeeded else {
            throw RunFailed(failedSources: result.outcomes.filter { $0.status != .ok }.map(\.source))
        }
        let publish = try Demo.writePublishConfiguration(in: directory)
        output.logger().info("""
            to publish the demo to a PostgreSQL database: \(Demo.publishURLVariable)='postgres://user:password@127.0.0.1:5432/postgres' \
            etl publish --config \(publish.path)
            """)
        print(directory.appendingPathComponent("index.html").path)
    }
}
