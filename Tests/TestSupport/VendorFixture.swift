import Chronology
import Extract
import Foundation
import Logging
import Pipeline
import Sandbox
import Vendors
import Warehouse

/// A running sandbox and a fresh warehouse, with We-Link and Linked API sources on its first
/// account, for tests that extract and transform as a run does.
public final class VendorFixture: SandboxFixture, Sendable {
    public let server: SandboxServer
    public let directory: TemporaryDirectory
    public let warehouse: Warehouse
    public static let weLinkName = "acme-welink"
    public static let linkedAPIName = "acme-linkedapi"

    /// Prefer `with(configuration:_:)`, which also closes the fixture.
    public init(configuration: SandboxConfiguration = VendorFixture.quickConfiguration) async throws {
        server = SandboxServer(configuration: configuration.inVirtualTime)
        directory = try TemporaryDirectory("vendors")
        warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        // Started last, so a failure above leaves no server running.
        do { _ = try await server.start() } catch { directory.remove(); throw error }
    }

    /// Runs `body` with a fresh fixture and closes it afterwards, also when `body` throws.
    @discardableResult
    public static func with<Result>(
        configuration: SandboxConfiguration = VendorFixture.quickConfiguration,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (VendorFixture) async throws -> Result
    ) async throws -> Result {
        try await withFixture(make: { try await VendorFixture(configuration: configuration) },
                              close: { await $0.close() }, body: body)
    }

    /// Requests finish quickly, replies and live acceptances never come while a test runs, and
    /// We-Link's allowance is no constraint (tests of the allowance set it back).
    public static var quickConfiguration: SandboxConfiguration {
        var configuration = SandboxConfiguration(endDate: "2026-11-20")
        configuration.weLinkRequestsPerWindow = 100_000
        configuration.weLinkProcessingDelay = .milliseconds(100)
        configuration.weLinkReplyDelay = .seconds(3600)
        configuration.linkedAPIWorkflowDelay = .milliseconds(50)
        configuration.linkedAPIAcceptanceDelay = .seconds(3600)
        return configuration
    }

    /// The We-Link source on the dataset's first account.
    public func weLinkSource(hourlyLimit: Int = 100_000) -> SourceConfiguration {
        var source = SourceConfiguration(name: Self.weLinkName, kind: .welink, baseURL: server.weLinkBaseURL,
                                         apiKeyEnv: "TEST_WELINK_KEY")
        source.apiSecretEnv = "TEST_WELINK_SECRET"
        source.accountID = server.weLink.accounts.first?.id
        source.hourlyLimit = hourlyLimit
        return source
    }

    /// The Linked API source in a result-handling mode.
    public func linkedAPISource(mode: LinkedAPIResultHandling = .long, webhookURL: URL? = nil, checksPerRun: Int = 1_000) -> SourceConfiguration {
        var source = SourceConfiguration(name: Self.linkedAPIName, kind: .linkedapi, baseURL: server.linkedAPIBaseURL,
                                         apiKeyEnv: "TEST_LINKEDAPI_TOKEN")
        source.apiSecretEnv = "TEST_LINKEDAPI_IDENTIFICATION"
        source.accountID = server.linkedAPI.account.accountId
        source.resultHandling = mode
        source.webhookURL = webhookURL
        source.webhookSecretEnv = "TEST_WEBHOOK_SECRET"
        source.statusChecksPerRun = checksPerRun
        return source
    }

    public static let webhookSecret = "test-webhook-secret"

    public var environment: [String: String] {
        let configuration = server.configuration
        return ["TEST_WELINK_KEY": configuration.weLinkAPIKey, "TEST_WELINK_SECRET": configuration.weLinkAPISecret,
                "TEST_LINKEDAPI_TOKEN": configuration.linkedAPIToken,
                "TEST_LINKEDAPI_IDENTIFICATION": configuration.linkedAPIIdentificationToken,
                "TEST_WEBHOOK_SECRET": Self.webhookSecret]
    }

    public func configuration(_ sources: [SourceConfiguration]) -> PipelineConfiguration {
        PipelineConfiguration(warehouse: warehouse.url, reportsDirectory: directory.file("reports"),
                              formats: Self.reportFormats, sources: sources)
    }

    public func runner(_ sources: [SourceConfiguration]) -> PipelineRunner {
        PipelineRunner(configuration: configuration(sources), environment: environment,
                       retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
                       logger: Logger(label: "test"), time: time)
    }

    /// Extracts the sources as one run does, then transforms; returns each source's outcome.
    @discardableResult
    public func extract(_ sources: [SourceConfiguration]) async throws -> [SourceOutcome] {
        let runner = runner(sources)
        let runID = try RunLog(warehouse: warehouse).beginRun(command: "test")
        let outcomes = try await runner.extract(sources, window: DateWindow(), warehouse: warehouse, runID: runID)
        try runner.transform(warehouse, rebuild: false)
        return outcomes
    }

    /// Registers every request of the We-Link account's history, as `etl track` would.
    @discardableResult
    public func trackWeLink() throws -> [WeLinkRequestRecord] {
        let requests = server.weLink.requests.filter { $0.accountID == server.weLink.accounts.first?.id }
        try RequestLedger(warehouse: warehouse).register(source: Self.weLinkName, requestIDs: requests.map(\.requestID))
        return requests
    }

    /// Registers every Linked API invitation, with its person and time, as `etl track` would.
    public func trackLinkedAPI(_ source: SourceConfiguration) throws {
        let requests = server.linkedAPI.invitations.map {
            TrackedRequest(id: $0.id, subject: $0.personURL, sentAt: Timestamp.string(Date(timeIntervalSince1970: TimeInterval($0.sentAt))))
        }
        _ = try RequestTracking(source: source).register(requests, in: warehouse)
    }

    /// Requests the sandbox received for paths ending with `suffix`.
    public func requests(endingWith suffix: String) async -> [SandboxRequest] {
        await server.requests().filter { $0.path.hasSuffix(suffix) }
    }

    public func close() async {
        await server.stop()
        directory.remove()
    }
}
