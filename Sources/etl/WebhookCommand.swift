import ArgumentParser
import Foundation
import Pipeline
import Warehouse

/// `etl webhook`: receive vendors' webhook deliveries.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Receive We-Link and Linked API webhook deliveries.",
        subcommands: [WebhookServeCommand.self])
}

/// `etl webhook serve`: the receiver, until stopped.
struct WebhookServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve POST /webhooks/<source> on a port: check the shared secret, store each delivery durably, then answer 2xx (Ctrl-C stops).")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int

    @Option(help: "The address to listen on: this machine only by default (behind a reverse proxy); 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let signals = SignalWaiter()
        let logger = output.logger()
        let runner = PipelineRunner(configuration: try config.load(), logger: logger)
        let warehouse = try runner.openWarehouse()
        let log = RunLog(warehouse: warehouse)
        let runID = try log.beginRun(command: "webhook")
        let receiver = try WebhookReceiver(configuration: runner.configuration, environment: ProcessInfo.processInfo.environment,
                                           warehouse: warehouse, runID: runID, logger: logger)
        let names = receiver.sourceNames
        let host = host
        let (stopped, stop) = AsyncStream<Void>.makeStream()
        let stopper = Task {
            await signals.wait()
            stop.finish()
        }
        defer { stopper.cancel() }
        do {
            try await receiver.serve(host: host, port: port, onListening: { bound in
                for name in names { FileHandle.standardOutput.write(Data("\(name): receiving at http://\(host):\(bound)/webhooks/\(name)\n".utf8)) }
            }, until: { for await _ in stopped {} })
        } catch {
            try? log.finishRun(runID, status: .failed)
            throw CommandFailed(command: "webhook serve", cause: String(describing: error))
        }
        try log.finishRun(runID, status: .ok)
    }
}
