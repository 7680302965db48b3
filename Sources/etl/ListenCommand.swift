import ArgumentParser
import Extract
import Foundation
import Pipeline
import Warehouse

/// `etl listen`: land WeConnect's real-time status events as they arrive.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Stay connected to a WeConnect source's Pusher channel and land each status event at once (Ctrl-C stops).")

    @OptionGroup var config: ConfigOptions

    @Option(help: "The WeConnect source to listen to.")
    var source: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let signals = SignalWaiter()
        let logger = output.logger()
        let runner = PipelineRunner(configuration: try config.load(), logger: logger)
        guard let selected = try runner.selectSources([source]).first else { return }
        guard selected.kind == .weconnect else {
            throw ConfigurationError(file: nil, "source \"\(source)\" is \(selected.kind.rawValue); only weconnect sources have a real-time channel")
        }
        try runner.requireSecrets(of: [selected])
        let warehouse = try runner.openWarehouse()
        let log = RunLog(warehouse: warehouse)
        let runID = try log.beginRun(command: "listen")
        let started = Date()
        let (settings, authenticator) = try runner.settings(for: selected)
        let session = FetchSession(source: settings, client: NIOHTTPClient(), warehouse: warehouse, runID: runID,
                                   budget: RateBudget(window: settings.rateWindow), logger: logger, authenticator: authenticator)
        let listener = PusherListener(session: session, socketURL: selected.socketURL, logger: logger)
        let task = Task { try await listener.run() }
        let stopper = Task {
            await signals.wait()
            task.cancel()
        }
        var outcome = SourceOutcome(source: source, kind: selected.kind.rawValue, status: .ok, startedAt: started, finishedAt: started)
        do {
            let events = try await task.value
            logger.info("\(source): stopped after landing \(events) events")
        } catch {
            outcome.status = .failed
            outcome.error = String(describing: error)
        }
        stopper.cancel()
        let statistics = await session.statistics()
        outcome.pages = statistics.pages
        outcome.apiCalls = statistics.apiCalls
        outcome.finishedAt = Date()
        try log.recordSource(outcome, runID: runID)
        try log.finishRun(runID, status: outcome.status)
        if let error = outcome.error { throw RunFailed(failedSources: [source + ": " + error]) }
    }
}
