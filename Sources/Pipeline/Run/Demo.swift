import Extract
import Foundation
import Logging
import Sandbox
import Warehouse

/// `etl demo`: the whole pipeline against the embedded sandbox vendor APIs on loopback.
public enum Demo {
    /// The source names the demo's data appears under.
    public static let konnectorSourceName = "demo-konnector"
    public static let weConnectSourceName = "demo-weconnect"
    private static let keyVariable = "OUTREACH_DEMO_KONNECTOR_KEY"
    private static let emailVariable = "OUTREACH_DEMO_WECONNECT_EMAIL"
    private static let passwordVariable = "OUTREACH_DEMO_WECONNECT_PASSWORD"

    /// Starts the sandbox, runs extract, transform and report into `directory` (a fresh warehouse
    /// each time) and returns the run's result; the sandbox's data ends on `endDate`.
    public static func run(scale: Int, directory: URL, endDate: String = yesterday(),
                           logger: Logger = Logger(label: "etl"), progress: (any ProgressReporter)? = nil) async throws -> RunResult {
        var configuration = SandboxConfiguration(scale: scale, endDate: endDate)
        // The run takes a second or so; requests still pending at the start stay pending for the
        // whole of it, whatever the machine's speed, so two demos write the same files.
        configuration.weConnectActionDelay = .seconds(3600)
        configuration.weConnectReplyDelay = .seconds(3600)
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start()
        do {
            let result = try await runPipeline(server: server, apiKey: configuration.apiKey, directory: directory, logger: logger,
                                               progress: progress)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func runPipeline(server: SandboxServer, apiKey: String, directory: URL, logger: Logger,
                                    progress: (any ProgressReporter)?) async throws -> RunResult {
        let warehouse = directory.appendingPathComponent("warehouse.sqlite")
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: warehouse.path + suffix)
        }
        let configuration = PipelineConfiguration(
            warehouse: warehouse, reportsDirectory: directory,
            sources: [
                SourceConfiguration(name: konnectorSourceName, kind: "konnector", baseURL: server.konnectorBaseURL,
                                    apiKeyEnv: keyVariable),
                SourceConfiguration(name: weConnectSourceName, kind: "weconnect", baseURL: server.weConnectBaseURL,
                                    emailEnv: emailVariable, passwordEnv: passwordVariable,
                                    socketURL: server.weConnectSocketURL),
            ])
        var environment = [keyVariable: apiKey]
        if let user = server.weConnect.users.first {
            environment[emailVariable] = user.email
            environment[passwordVariable] = user.password
            // The requests "submitted elsewhere" that a team would register with `etl track`.
            let ids = server.weConnect.actions.filter { $0.userID == user.id }.map(\.requestID)
            try RequestLedger(warehouse: try Warehouse(url: warehouse)).register(source: weConnectSourceName, requestIDs: ids)
        }
        let runner = PipelineRunner(configuration: configuration, environment: environment, logger: logger, progress: progress)
        return try await runner.run()
    }

    /// Yesterday's UTC day, the last complete day of data.
    public static func yesterday(now: Date = Date()) -> String {
        String(now.addingTimeInterval(-86_400).formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
    }
}
