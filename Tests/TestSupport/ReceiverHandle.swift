import Foundation
import Logging
import Pipeline
import Warehouse

/// `WebhookReceiver` serving in this process on a free loopback port, for tests.
public final class ReceiverHandle: Sendable {
    public let port: Int
    private let task: Task<Void, any Error>
    private let stopper: AsyncStream<Void>.Continuation

    public init(configuration: PipelineConfiguration, environment: [String: String], warehouse: Warehouse,
                maxBodyBytes: Int = WebhookReceiver.defaultMaxBodyBytes) async throws {
        let runID = try RunLog(warehouse: warehouse).beginRun(command: "webhook")
        let receiver = try WebhookReceiver(configuration: configuration, environment: environment, warehouse: warehouse,
                                           runID: runID, maxBodyBytes: maxBodyBytes, logger: Logger(label: "test"))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let (stopped, stopper) = AsyncStream<Void>.makeStream()
        self.stopper = stopper
        task = Task {
            defer { continuation.finish() }
            try await receiver.serve(host: "127.0.0.1", port: 0, onListening: { continuation.yield($0) },
                                     until: { for await _ in stopped {} })
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CocoaError(.featureUnsupported) }
        self.port = port
    }

    /// Where a source's deliveries go, with the shared secret.
    public func url(source: String, token: String?) -> URL {
        URL(string: "http://127.0.0.1:\(port)/webhooks/\(source)" + (token.map { "?token=\($0)" } ?? ""))!
    }

    public func stop() { stopper.finish() }
}
