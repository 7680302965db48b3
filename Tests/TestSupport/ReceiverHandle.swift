import Foundation
import Logging
import Pipeline
import Warehouse

/// `WebhookReceiver` serving in this process on a free loopback port, for tests.
public final class ReceiverHandle: Sendable {
    private let running: RunningWebhookReceiver

    public init(configuration: PipelineConfiguration, environment: [String: String], warehouse: Warehouse,
                maxBodyBytes: Int = WebhookReceiver.defaultMaxBodyBytes) async throws {
        let runID = try RunLog(warehouse: warehouse).beginRun(command: "webhook")
        running = try await WebhookReceiver(configuration: configuration, environment: environment, warehouse: warehouse,
                                            runID: runID, maxBodyBytes: maxBodyBytes, logger: Logger(label: "test")).start()
    }

    public var port: Int { running.port }

    /// Where a source's deliveries go, with the shared secret.
    public func url(source: String, token: String?) -> URL { running.url(source: source, token: token) }

    public func stop() { running.requestStop() }
}
