import Foundation

/// A `WebhookReceiver` serving in the background of this process (the demo, tests), until stopped.
public final class RunningWebhookReceiver: Sendable {
    public let host: String
    /// The port actually bound.
    public let port: Int
    private let task: Task<Void, any Error>
    private let stopper: AsyncStream<Void>.Continuation

    init(_ receiver: WebhookReceiver, host: String, port: Int) async throws {
        let (ports, bound) = AsyncStream<Int>.makeStream()
        let (stopped, stopper) = AsyncStream<Void>.makeStream()
        self.stopper = stopper
        self.host = host
        task = Task {
            defer { bound.finish() }
            try await receiver.serve(host: host, port: port, onListening: { bound.yield($0) },
                                     until: { for await _ in stopped {} })
        }
        var iterator = ports.makeAsyncIterator()
        guard let boundPort = await iterator.next() else {
            try await task.value
            throw CancellationError()
        }
        self.port = boundPort
    }

    /// Where a source's deliveries go, with the shared secret as `?token=` when given.
    public func url(source: String, token: String?) -> URL {
        var components = URLComponents()
        components.scheme = "http"
        components.host = host
        components.port = port
        components.path = "/webhooks/\(source)"
        if let token { components.queryItems = [URLQueryItem(name: "token", value: token)] }
        return components.url ?? URL(fileURLWithPath: "/")
    }

    /// Asks the receiver to stop without waiting: a delivery being stored is still answered.
    public func requestStop() { stopper.finish() }

    /// Stops the receiver and waits until it has shut down.
    public func stop() async throws {
        stopper.finish()
        try await task.value
    }
}

extension WebhookReceiver {
    /// Starts serving in the background and returns once listening.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> RunningWebhookReceiver {
        try await RunningWebhookReceiver(self, host: host, port: port)
    }
}
