import Chronology
import Extract
import Foundation
import Logging
import Pipeline
import Sandbox
import Vendors
import Warehouse

/// A running Konnector sandbox plus a fresh warehouse, for tests that go over real HTTP on loopback.
public final class KonnectorFixture: SandboxFixture, Sendable {
    public let server: SandboxServer
    public let directory: TemporaryDirectory
    public let warehouse: Warehouse
    public let configuration: SandboxConfiguration

    /// Data ends on a fixed day so that figures are the same on any day the tests run.
    public static let endDate = "2026-11-20"

    /// Prefer `with(configuration:_:)`, which also closes the fixture.
    public init(configuration: SandboxConfiguration = SandboxConfiguration(endDate: KonnectorFixture.endDate)) async throws {
        self.configuration = configuration.inVirtualTime
        server = SandboxServer(configuration: self.configuration)
        directory = try TemporaryDirectory("konnector")
        warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        // Started last, so a failure above leaves no server running.
        do { _ = try await server.start() } catch { directory.remove(); throw error }
    }

    /// Runs `body` with a fresh fixture and closes it afterwards, also when `body` throws.
    @discardableResult
    public static func with<Result>(
        configuration: SandboxConfiguration = SandboxConfiguration(endDate: KonnectorFixture.endDate),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (KonnectorFixture) async throws -> Result
    ) async throws -> Result {
        try await withFixture(make: { try await KonnectorFixture(configuration: configuration) },
                              close: { await $0.close() }, body: body)
    }

    public var dataset: KonnectorDataset { server.konnector }

    /// Source settings pointing at the sandbox, with fast retries for tests.
    public func settings(name: String = "acme-konnector", apiKey: String? = nil, pageSize: Int = 5,
                         rateWindow: Duration = .seconds(60)) -> SourceSettings {
        let key = apiKey ?? configuration.apiKey
        return SourceSettings(name: name, kind: .konnector, baseURL: server.konnectorBaseURL,
                              authHeaders: KonnectorAPI.authHeaders(apiKey: key), secrets: [key], pageSize: pageSize,
                              retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
                              rateWindow: rateWindow)
    }

    /// Extracts with `settings` into the fixture's warehouse; returns the session (for its statistics).
    @discardableResult
    public func extract(_ settings: SourceSettings) async throws -> FetchSession {
        let runID = try RunLog(warehouse: warehouse).beginRun(command: "test")
        let session = FetchSession(source: settings, client: NIOHTTPClient(), warehouse: warehouse, runID: runID,
                                   budget: RateBudget(window: settings.rateWindow, time: time), logger: Logger(label: "test"),
                                   time: time)
        guard let extractor = Extractors.extractor(for: settings.kind) else { return session }
        try await extractor.extract(session)
        return session
    }

    /// A pipeline runner configured with one Konnector source on the sandbox.
    public func runner(sourceName: String = "acme-konnector", pageSize: Int = 5) -> PipelineRunner {
        let configuration = PipelineConfiguration(
            warehouse: warehouse.url, reportsDirectory: directory.file("reports"), formats: Self.reportFormats,
            sources: [SourceConfiguration(name: sourceName, kind: .konnector, baseURL: server.konnectorBaseURL,
                                          apiKeyEnv: "TEST_KONNECTOR_KEY", pageSize: pageSize)])
        return PipelineRunner(configuration: configuration, environment: ["TEST_KONNECTOR_KEY": self.configuration.apiKey],
                              retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
                              logger: Logger(label: "test"), time: time)
    }

    public func rows(of view: String) throws -> [[String]] { try warehouse.rows(of: view) }

    public func close() async {
        await server.stop()
        directory.remove()
    }
}
