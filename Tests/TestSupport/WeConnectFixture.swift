import Chronology
import Extract
import Foundation
import Logging
import Pipeline
import Sandbox
import Warehouse

/// A running sandbox plus a fresh warehouse and a WeConnect source logged in as the dataset's first user.
public final class WeConnectFixture: SandboxFixture, Sendable {
    public let server: SandboxServer
    public let directory: TemporaryDirectory
    public let warehouse: Warehouse
    public let user: WeConnectUser
    public static let sourceName = "acme-weconnect"

    /// A sandbox whose actions do not settle while a test runs, so its data holds still.
    public static var stillConfiguration: SandboxConfiguration {
        var configuration = SandboxConfiguration(endDate: "2026-11-20")
        configuration.weConnectActionDelay = .seconds(3600)
        configuration.weConnectReplyDelay = .seconds(3600)
        return configuration
    }

    /// Prefer `with(configuration:_:)`, which also closes the fixture.
    public init(configuration: SandboxConfiguration = WeConnectFixture.stillConfiguration) async throws {
        server = SandboxServer(configuration: configuration.inVirtualTime)
        guard let first = server.weConnect.users.first else { throw CocoaError(.featureUnsupported) }
        user = first
        directory = try TemporaryDirectory("weconnect")
        warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        // Started last, so a failure above leaves no server running.
        do { _ = try await server.start() } catch { directory.remove(); throw error }
    }

    /// Runs `body` with a fresh fixture and closes it afterwards, also when `body` throws.
    @discardableResult
    public static func with<Result>(
        configuration: SandboxConfiguration = WeConnectFixture.stillConfiguration,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (WeConnectFixture) async throws -> Result
    ) async throws -> Result {
        try await withFixture(make: { try await WeConnectFixture(configuration: configuration) },
                              close: { await $0.close() }, body: body)
    }

    public var dataset: WeConnectDataset { server.weConnect }

    public var source: SourceConfiguration {
        SourceConfiguration(name: Self.sourceName, kind: .weconnect, baseURL: server.weConnectBaseURL,
                            emailEnv: "TEST_WC_EMAIL", passwordEnv: "TEST_WC_PASSWORD", lookbackDays: 14,
                            socketURL: server.weConnectSocketURL)
    }

    public var environment: [String: String] { ["TEST_WC_EMAIL": user.email, "TEST_WC_PASSWORD": user.password] }

    public func runner() -> PipelineRunner {
        PipelineRunner(configuration: PipelineConfiguration(warehouse: warehouse.url, reportsDirectory: directory.file("reports"),
                                                            formats: Self.reportFormats, sources: [source]),
                       environment: environment,
                       retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
                       logger: Logger(label: "test"), time: time)
    }

    /// A session on the source, as a run would open it.
    public func session(command: String = "test") throws -> FetchSession {
        let runID = try RunLog(warehouse: warehouse).beginRun(command: command)
        let (settings, authenticator) = try runner().settings(for: source)
        return FetchSession(source: settings, client: NIOHTTPClient(), warehouse: warehouse, runID: runID,
                            budget: RateBudget(window: settings.rateWindow, time: time), logger: Logger(label: "test"),
                            authenticator: authenticator, time: time)
    }

    /// Extracts the source once; returns the session (for its statistics).
    @discardableResult
    public func extract() async throws -> FetchSession {
        let session = try session()
        guard let extractor = Extractors.extractor(for: .weconnect) else { return session }
        try await extractor.extract(session)
        return session
    }

    /// Requests the sandbox received for paths ending with `suffix`.
    public func requests(endingWith suffix: String) async -> [SandboxRequest] {
        await server.requests().filter { $0.path.hasSuffix(suffix) }
    }

    /// Registers the user's pre-existing actions in the ledger, as `etl track` would.
    @discardableResult
    public func trackUserActions() throws -> [String] {
        let ids = dataset.actions(ofUser: user.id).map(\.requestID)
        try RequestLedger(warehouse: warehouse).register(source: Self.sourceName, requestIDs: ids)
        return ids
    }

    public func rows(of view: String) throws -> [[String]] { try warehouse.rows(of: view) }

    public func close() async {
        await server.stop()
        directory.remove()
    }
}
