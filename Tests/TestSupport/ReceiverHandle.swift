import Foundation
import Logging
import Pipeline
import Warehouse

/// `WebhookReceiver` serving in this process on a free loopback port, for tests.
public final class ReceiverHandle: Sendable {
    private let running: RunningWebhookReceiver

    /// Prefer `with(configuration:environment:warehouse:maxBodyBytes:_:)`, which also stops the receiver.
    public init(configuration: PipelineConfiguration, environment: [String: String], warehouse: Warehouse,
                maxBodyBytes: Int = WebhookReceiver.defaultMaxBodyBytes) async throws {
        let runID = try RunLog(warehouse: warehouse).beginRun(command: "webhook")
        running = try await WebhookReceiver(configuration: configuration, environment: environment, warehouse: warehouse,
                                            runID: runID, maxBodyBytes: maxBodyBytes, logger: Logger(label: "test")).start()
    }

    /// Runs `body` with a started receiver and stops it afterwards, also when `body` throws.
    @discardableResult
    public static func with<Result>(
        configuration: PipelineConfiguration, environment: [String: String], warehouse: Warehouse,
        maxBodyBytes: Int = WebhookReceiver.defaultMaxBodyBytes,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (ReceiverHandle) async throws -> Result
    ) async throws -> Result {
        try await withFixture(make: {
            try await ReceiverHandle(configuration: configuration, environment: environment, warehouse: warehouse,
                                     maxBodyBytes: maxBodyBytes)
        }, close: { await $0.stop() }, body: body)
    }

    public var port: Int { running.port }

    /// Where a source's deliveries go, with the shared secret.
    public func url(source: String, token: String?) -> URL { running.url(source: source, token: token) }

    /// Stops the receiver and waits until it has shut down.
    public func stop() async {
        // A receiver that failed while serving has nothing left to stop; the test sees the failure in what it stored.
        try? await running.stop()
    }
}
