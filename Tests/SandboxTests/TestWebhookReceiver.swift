import Foundation
import Hummingbird
import Logging

/// Bodies a webhook receiver got, in order of arrival.
actor WebhookInbox {
    private(set) var bodies: [Data] = []

    func append(_ body: Data) { bodies.append(body) }

    /// Waits (at most `limit`) until at least `count` bodies arrived; returns them.
    func wait(forCount count: Int, limit: Duration = .seconds(10)) async throws -> [Data] {
        let deadline = ContinuousClock.now + limit
        while bodies.count < count {
            guard ContinuousClock.now < deadline else {
                throw WebhookReceiverFailure("webhook receiver got only \(bodies.count) of \(count) bodies")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return bodies
    }

    /// `bodies` as JSON objects.
    nonisolated static func objects(_ bodies: [Data]) -> [[String: Any]] {
        bodies.compactMap { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] }
    }
}

/// A tiny webhook receiver on loopback, standing in for a vendor's customer: a Hummingbird app on a
/// free port that records every `POST /hook` body and answers 200.
final class TestWebhookReceiver: Sendable {
    let url: URL
    let inbox: WebhookInbox
    private let task: Task<Void, any Error>

    private init(url: URL, inbox: WebhookInbox, task: Task<Void, any Error>) {
        self.url = url
        self.inbox = inbox
        self.task = task
    }

    /// Starts a receiver whose URL is `http://127.0.0.1:<port>/hook`.
    static func start() async throws -> TestWebhookReceiver {
        let inbox = WebhookInbox()
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            await inbox.append(Data(buffer.readableBytesView))
            return .ok
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test-webhook-receiver")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let task = Task {
            defer { continuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0, let url = URL(string: "http://127.0.0.1:\(port)/hook") else {
            task.cancel()
            throw WebhookReceiverFailure("the receiver did not start")
        }
        return TestWebhookReceiver(url: url, inbox: inbox, task: task)
    }

    /// Runs `body` with a started receiver, then stops it (waiting until it has shut down), also when
    /// `body` throws.
    static func with(_ body: (TestWebhookReceiver) async throws -> Void) async throws {
        let receiver = try await start()
        do {
            try await body(receiver)
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    /// `with`, for a body that needs only the receiver's URL and inbox.
    static func run(_ body: (URL, WebhookInbox) async throws -> Void) async throws {
        try await with { try await body($0.url, $0.inbox) }
    }

    /// Stops the receiver.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Waits until at least `count` bodies arrived and returns them as JSON objects.
    func objects(atLeast count: Int, within limit: Duration = .seconds(5)) async throws -> [[String: Any]] {
        WebhookInbox.objects(try await inbox.wait(forCount: count, limit: limit))
    }
}

/// A webhook receiver that did not get what a test waited for.
struct WebhookReceiverFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
