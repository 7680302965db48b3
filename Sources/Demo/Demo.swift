import Chronology
import Extract
import Foundation
import Logging
import Pipeline
import Sandbox
import Vendors
import Warehouse

/// `etl demo`: the whole pipeline against the embedded sandbox vendor APIs on loopback.
public enum Demo {
    /// The source names the demo's data appears under.
    public static let konnectorSourceName = "demo-konnector"
    public static let weConnectSourceName = "demo-weconnect"
    public static let weLinkSourceName = "demo-welink"
    public static let linkedAPISourceName = "demo-linkedapi"
    public static let mobileSourceName = "demo-linkedin-mobile"
    private static let weLinkKeyVariable = "OUTREACH_DEMO_WELINK_KEY"
    private static let weLinkSecretVariable = "OUTREACH_DEMO_WELINK_SECRET"
    private static let linkedAPITokenVariable = "OUTREACH_DEMO_LINKEDAPI_TOKEN"
    private static let linkedAPIIdentificationVariable = "OUTREACH_DEMO_LINKEDAPI_IDENTIFICATION"
    private static let webhookSecretVariable = "OUTREACH_DEMO_WEBHOOK_SECRET"
    private static let keyVariable = "OUTREACH_DEMO_KONNECTOR_KEY"
    private static let emailVariable = "OUTREACH_DEMO_WECONNECT_EMAIL"
    private static let passwordVariable = "OUTREACH_DEMO_WECONNECT_PASSWORD"

    /// The variable the demo's publish configuration reads its PostgreSQL URL from.
    public static let publishURLVariable = "OUTREACH_PG_URL"

    /// Writes `publish.toml` beside the demo's warehouse: the warehouse and one PostgreSQL destination, so
    /// `etl publish --config <directory>/publish.toml` publishes the demo; returns its path.
    @discardableResult
    public static func writePublishConfiguration(in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("publish.toml")
        try """
            # Publishes the demo's warehouse: OUTREACH_PG_URL=postgres://user:password@host:5432/db etl publish --config \(file.path)
            [warehouse]
            path = "warehouse.sqlite"

            [reports]
            dir = "."

            [[destinations]]
            name = "demo-postgres"
            kind = "postgres"
            url_env = "\(publishURLVariable)"
            schema = "outreach"

            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Starts the sandbox, runs extract, transform and report into `directory` (a fresh warehouse
    /// each time) and returns the run's result; the sandbox's data ends on `endDate`.
    public static func run(scale: Int, directory: URL, endDate: String = yesterday(),
                           logger: Logger = Logger(label: "etl"), progress: (any ProgressReporter)? = nil) async throws -> RunResult {
        var configuration = SandboxConfiguration(scale: scale, endDate: endDate)
        // The vendors and the pipeline keep one virtual clock: every wait of either (a workflow running, a request
        // being processed, a poll's pause) passes at once, so the demo takes the time its work takes.
        let time = ManualTime()
        configuration.clock = SandboxClock(time: time)
        // The run takes a second or so; requests still pending at the start stay pending for the
        // whole of it, whatever the machine's speed, so two demos write the same files.
        configuration.weConnectActionDelay = .seconds(3600)
        configuration.weConnectReplyDelay = .seconds(3600)
        // We-Link's requests finish at once but its replies never come during the run; its hourly
        // allowance is raised so the demo reads the whole history in one run.
        configuration.weLinkProcessingDelay = .milliseconds(100)
        configuration.weLinkReplyDelay = .seconds(3600)
        configuration.weLinkRequestsPerWindow = 100_000
        configuration.linkedAPIWorkflowDelay = .milliseconds(50)
        configuration.linkedAPIAcceptanceDelay = .seconds(3600)
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start()
        // The run begins a second after the vendors started: We-Link's recent requests (100 ms) have finished.
        await server.advanceTime(by: .seconds(1))
        do {
            let result = try await runPipeline(server: server, sandbox: configuration, directory: directory, logger: logger,
                                               progress: progress)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func runPipeline(server: SandboxServer, sandbox: SandboxConfiguration, directory: URL, logger: Logger,
                                    progress: (any ProgressReporter)?) async throws -> RunResult {
        let warehouse = directory.appendingPathComponent("warehouse.sqlite")
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: warehouse.path + suffix)
        }
        let configuration = PipelineConfiguration(
            warehouse: warehouse, reportsDirectory: directory,
            sources: [
                SourceConfiguration(name: konnectorSourceName, kind: .konnector, baseURL: server.konnectorBaseURL,
                                    apiKeyEnv: keyVariable),
                SourceConfiguration(name: weConnectSourceName, kind: .weconnect, baseURL: server.weConnectBaseURL,
                                    emailEnv: emailVariable, passwordEnv: passwordVariable,
                                    socketURL: server.weConnectSocketURL),
                weLinkSource(server: server),
                linkedAPISource(server: server),
            ])
        var environment = [keyVariable: sandbox.apiKey,
                           weLinkKeyVariable: sandbox.weLinkAPIKey, weLinkSecretVariable: sandbox.weLinkAPISecret,
                           linkedAPITokenVariable: sandbox.linkedAPIToken,
                           linkedAPIIdentificationVariable: sandbox.linkedAPIIdentificationToken,
                           webhookSecretVariable: "demo-webhook-secret"]
        if let user = server.weConnect.users.first {
            environment[emailVariable] = user.email
            environment[passwordVariable] = user.password
            // The requests "submitted elsewhere" that a team would register with `etl track`.
            let ids = server.weConnect.actions.filter { $0.userID == user.id }.map(\.requestID)
            try RequestLedger(warehouse: try Warehouse(url: warehouse)).register(source: weConnectSourceName, requestIDs: ids)
        }
        let store = try Warehouse(url: warehouse)
        if let account = server.weLink.accounts.first {
            try RequestLedger(warehouse: store).register(source: weLinkSourceName,
                                                         requestIDs: server.weLink.requests(ofAccount: account.id).map(\.requestID))
        }
        let invitations = server.linkedAPI.invitations.map { invitation in
            TrackedRequest(id: invitation.id, subject: invitation.personURL,
                           sentAt: Timestamp.string(Date(timeIntervalSince1970: TimeInterval(invitation.sentAt))))
        }
        if let linkedAPI = configuration.sources.first(where: { $0.name == linkedAPISourceName }) {
            _ = try RequestTracking(source: linkedAPI).register(invitations, in: store)
        }
        // A LinkedIn mobile mailbox and connections list, saved and imported as a team would.
        let files = LinkedInMobileGenerator(people: server.sharedPeople, endDate: server.configuration.endDate).make()
        for (name, data) in [("mailbox.json", files.mailbox), ("connections.json", files.connections)] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-demo-\(UUID().uuidString)-\(name)")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            _ = try MobileImport(source: mobileSourceName).land(file, in: store)
        }
        // Linked API's acceptance events, delivered to the webhook receiver as a vendor would.
        let receiver = try WebhookReceiver(configuration: configuration, environment: environment, warehouse: store,
                                           runID: try RunLog(warehouse: store).beginRun(command: "webhook"), logger: logger)
        let running = try await receiver.start()
        defer { running.requestStop() }
        await server.linkedAPIWebhooks.register(running.url(source: linkedAPISourceName, token: environment[webhookSecretVariable]))
        await server.replayLinkedAPIAccountEvents()
        let runner = PipelineRunner(configuration: configuration, environment: environment, logger: logger, progress: progress,
                                    time: sandbox.clock.time)
        let result = try await runner.run()
        try await running.stop()
        return result
    }

    private static func weLinkSource(server: SandboxServer) -> SourceConfiguration {
        var source = SourceConfiguration(name: weLinkSourceName, kind: .welink, baseURL: server.weLinkBaseURL,
                                         apiKeyEnv: weLinkKeyVariable)
        source.apiSecretEnv = weLinkSecretVariable
        source.accountID = server.weLink.accounts.first?.id
        source.hourlyLimit = 100_000
        return source
    }

    private static func linkedAPISource(server: SandboxServer) -> SourceConfiguration {
        var source = SourceConfiguration(name: linkedAPISourceName, kind: .linkedapi, baseURL: server.linkedAPIBaseURL,
                                         apiKeyEnv: linkedAPITokenVariable)
        source.apiSecretEnv = linkedAPIIdentificationVariable
        source.accountID = server.linkedAPI.account.accountId
        source.resultHandling = .reslink
        source.statusChecksPerRun = 1_000
        source.webhookSecretEnv = webhookSecretVariable
        return source
    }

    /// Yesterday's UTC day, the last complete day of data.
    public static func yesterday(now: Date = Date()) -> String {
        String(now.addingTimeInterval(-86_400).formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
    }
}
