import Foundation
import Hummingbird
import Logging

/// Bodies a webhook receiver got, in order of arrival.
actor WebhookInbox {
    private(set) var bodies: [Data] = []

    func append(_ body: Data) { bodies.append(body) }

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

    /// Every body received so far, as JSON objects. The sandbox's deliveries have all arrived once
    /// `advanceTime(by:)` or `deliveriesSettled()` returns, so tests read this then, with nothing to wait for.
    func objects() async -> [[String: Any]] {
        WebhookInbox.objects(await inbox.bodies)
    }
}

/// A webhook receiver that did not get what a test waited for.
struct WebhookReceiverFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
