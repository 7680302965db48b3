import Foundation
import Logging
import Sandbox

/// `etl demo`: the whole pipeline against the embedded sandbox vendor APIs on loopback.
public enum Demo {
    /// The source name the demo's Konnector data appears under.
    public static let konnectorSourceName = "demo-konnector"
    private static let keyVariable = "OUTREACH_DEMO_KONNECTOR_KEY"

    /// Starts the sandbox, runs extract, transform and report into `directory` (a fresh warehouse
    /// each time) and returns the run's result; the sandbox's data ends on `endDate`.
    public static func run(scale: Int, directory: URL, endDate: String = yesterday(),
                           logger: Logger = Logger(label: "etl")) async throws -> RunResult {
        let configuration = SandboxConfiguration(scale: scale, endDate: endDate)
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start()
        do {
            let result = try await runPipeline(server: server, apiKey: configuration.apiKey, directory: directory, logger: logger)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func runPipeline(server: SandboxServer, apiKey: String, directory: URL, logger: Logger) async throws -> RunResult {
        let warehouse = directory.appendingPathComponent("warehouse.sqlite")
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: warehouse.path + suffix)
        }
        let configuration = PipelineConfiguration(
            warehouse: warehouse, reportsDirectory: directory,
            sources: [SourceConfiguration(name: konnectorSourceName, kind: "konnector", baseURL: server.konnectorBaseURL,
                                          apiKeyEnv: keyVariable)])
        let runner = PipelineRunner(configuration: configuration, environment: [keyVariable: apiKey], logger: logger)
        return try await runner.run()
    }

    /// Yesterday's UTC day, the last complete day of data.
    public static func yesterday(now: Date = Date()) -> String {
        String(now.addingTimeInterval(-86_400).formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
    }
}
