import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import Sandbox
import Testing

/// HTTP helpers for the We-Link emulator tests.
enum WeLinkHTTP {
    static let apiKey = "sandbox-welink-key"
    static let apiSecret = "sandbox-welink-secret"

    /// A configuration with short We-Link timings for tests.
    static func fast(
        processing: Duration = .milliseconds(200), reply: Duration = .milliseconds(300), perWindow: Int = 10_000,
        window: Duration = .seconds(3_600)
    ) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.weLinkProcessingDelay = processing
        configuration.weLinkReplyDelay = reply
        configuration.weLinkRequestsPerWindow = perWindow
        configuration.weLinkWindow = window
        return configuration
    }

    /// `POST /welink/api/v1/<endpoint>` with `json` (or the raw `body`) and the credentials given.
    static func post(
        _ server: SandboxServer, _ endpoint: String, json: Any? = nil, body: Data? = nil, method: String = "POST",
        key: String? = apiKey, secret: String? = apiSecret
    ) async throws -> HTTPResult {
        let url = try #require(URL(string: server.weLinkBaseURL.absoluteString + "/api/v1/" + endpoint))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key { request.setValue(key, forHTTPHeaderField: "x-api-key") }
        if let secret { request.setValue(secret, forHTTPHeaderField: "x-api-secret") }
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        if let body { request.httpBody = body }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            headers[String(describing: name)] = String(describing: value)
        }
        return HTTPResult(status: http?.statusCode ?? 0, headers: headers, body: data)
    }

    /// Submits an asynchronous request and returns its `requestID`, checking the documented answer.
    static func submit(_ server: SandboxServer, _ endpoint: String, _ json: [String: Any]) async throws -> String {
        let answer = try await post(server, endpoint, json: json)
        #expect(answer.status == 200, "\(endpoint): \(String(decoding: answer.body, as: UTF8.self))")
        #expect(answer.json?.keys.sorted() == ["message", "requestID", "status"])
        #expect(answer.json?.string("status") == "PENDING")
        #expect(answer.json?.string("message") == "Request accepted for processing")
        return try #require(answer.json?.string("requestID"))
    }

    /// `get_response` of `id`.
    static func response(_ server: SandboxServer, _ id: String) async throws -> HTTPResult {
        try await post(server, "get_response", json: ["request_id": id])
    }

    /// Polls `get_response` every 50 ms until `done` holds (at most `limit`).
    static func poll(
        _ server: SandboxServer, _ id: String, limit: Duration = .seconds(5),
        until done: ([String: Any]) -> Bool = { $0.string("status") != "PENDING" }
    ) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + limit
        while true {
            let answer = try await response(server, id)
            if answer.status == 200, let body = answer.json, done(body) { return body }
            guard ContinuousClock.now < deadline else {
                throw WeLinkTestFailure("request \(id) never reached the state: \(answer.status) \(answer.json ?? [:])")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// `epoch` as ISO 8601 UTC with `Z`, computed with Foundation.
    static func iso(_ epoch: Int64?) -> String? {
        guard let epoch else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    /// A profile URL of a person the dataset does not know whose reply draw is `replies`.
    static func stranger(_ server: SandboxServer, replies: Bool, after index: Int = 0) throws -> String {
        let url = (index..<(index + 200)).lazy.map { "https://www.linkedin.com/in/welink-test-stranger-\($0)/" }
            .first { server.weLink.prospectReplies(to: $0) == replies }
        return try #require(url)
    }
}

/// Bodies a webhook receiver got, in order of arrival.
actor WeLinkWebhookInbox {
    private(set) var bodies: [Data] = []

    func append(_ body: Data) { bodies.append(body) }

    /// Waits (at most `limit`) until at least `count` bodies arrived; returns them as JSON objects.
    func wait(forCount count: Int, limit: Duration = .seconds(10)) async throws -> [Data] {
        let deadline = ContinuousClock.now + limit
        while bodies.count < count {
            guard ContinuousClock.now < deadline else {
                throw WeLinkTestFailure("webhook receiver got only \(bodies.count) of \(count) bodies")
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

/// A tiny Hummingbird app on a free loopback port that records every `POST /hook` body.
enum WeLinkWebhookReceiver {
    /// Runs `body` with the receiver's URL and inbox, then stops the receiver.
    static func run(_ body: (URL, WeLinkWebhookInbox) async throws -> Void) async throws {
        let inbox = WeLinkWebhookInbox()
        let router = Router()
        router.post("hook") { request, _ -> String in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            await inbox.append(Data(buffer.readableBytesView))
            return "ok"
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "welink-webhook-receiver")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/hook"))
        try await body(url, inbox)
        task.cancel()
        _ = await task.result
    }
}

/// A failed expectation inside a We-Link test helper.
struct WeLinkTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
