import Foundation
import Hummingbird
import Logging

/// A tiny webhook receiver on loopback: a Hummingbird app on a free port that records every POST
/// body and answers 200.
final class LinkedAPIReceiver: Sendable {
    /// The bodies received so far.
    actor Inbox {
        private(set) var bodies: [Data] = []
        func append(_ body: Data) { bodies.append(body) }
    }

    let url: URL
    let inbox: Inbox
    private let task: Task<Void, any Error>

    private init(url: URL, inbox: Inbox, task: Task<Void, any Error>) {
        self.url = url
        self.inbox = inbox
        self.task = task
    }

    /// Starts a receiver whose URL is `http://127.0.0.1:<port>/hook`.
    static func start() async throws -> LinkedAPIReceiver {
        let inbox = Inbox()
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            await inbox.append(Data(buffer.readableBytesView))
            return .ok
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "linkedapi-test-receiver")
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
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw LinkedAPITestFailure("the receiver did not start")
        }
        return LinkedAPIReceiver(url: try requireURL("http://127.0.0.1:\(port)/hook"), inbox: inbox, task: task)
    }

    /// Stops the receiver.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Waits until at least `count` bodies arrived and returns them as JSON objects.
    func objects(atLeast count: Int, within limit: Duration = .seconds(5)) async throws -> [[String: Any]] {
        try await LinkedAPIHTTP.eventually(limit, "\(count) webhook calls") { await inbox.bodies.count >= count }
        return await inbox.bodies.compactMap { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] }
    }
}
