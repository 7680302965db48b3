import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HummingbirdWSClient
import Logging
import Sandbox
import Testing

/// HTTP and socket helpers for the WeConnect emulator tests.
enum WeConnectHTTP {
    /// A configuration with short action timings for tests.
    static func fast(
        tokenLifetime: Duration = .seconds(3_600), actionDelay: Duration = .milliseconds(200),
        replyDelay: Duration = .milliseconds(300)
    ) -> SandboxConfiguration {
        SandboxConfiguration(
            weConnectTokenLifetime: tokenLifetime, weConnectActionDelay: actionDelay, weConnectReplyDelay: replyDelay)
    }

    static func url(_ server: SandboxServer, _ endpoint: String) -> URL {
        URL(string: server.weConnectBaseURL.absoluteString + endpoint) ?? server.weConnectBaseURL
    }

    /// A JSON request (body `json` when given) with `Authorization: Bearer <token>` when given.
    static func send(
        _ method: String, _ server: SandboxServer, _ endpoint: String, token: String? = nil, json: Any? = nil
    ) async throws -> HTTPResult {
        try await SandboxHTTP.send(
            method, url(server, endpoint), key: token.map { "Bearer " + $0 }, json: json)
    }

    /// A form-encoded POST, as Pusher clients call `/broadcasting/auth`.
    static func form(
        _ server: SandboxServer, _ endpoint: String, token: String?, fields: [(String, String)]
    ) async throws -> HTTPResult {
        var request = URLRequest(url: url(server, endpoint))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(fields.map { SandboxHTTP.encode($0.0) + "=" + SandboxHTTP.encode($0.1) }
            .joined(separator: "&").utf8)
        let (data, response) = try await LoopbackHTTP.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return HTTPResult(status: status, headers: [:], body: data)
    }

    /// Logs `user` in and returns the token.
    static func login(_ server: SandboxServer, _ user: WeConnectUser) async throws -> String {
        let result = try await send(
            "POST", server, "/api/beta/login", json: ["email": user.email, "password": user.password])
        guard let token = result.json?.object("success")?.string("token") else {
            throw WeConnectTestFailure("login failed with \(result.status)")
        }
        return token
    }

    /// Polls `/ln/request/{id}` every 50 ms of vendor time until `done` holds (at most `limit`).
    static func poll(
        _ server: SandboxServer, token: String, requestID: String, limit: Duration = .seconds(5),
        until done: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        var last: HTTPResult?
        do {
            try await server.eventually(limit, step: .milliseconds(50), "request \(requestID)") {
                let result = try await send("GET", server, "/api/beta/ln/request/\(requestID)", token: token)
                last = result
                return result.json.map(done) == true
            }
        } catch {
            throw WeConnectTestFailure("request \(requestID) never reached the state: \(last?.json ?? [:])")
        }
        return last?.json ?? [:]
    }

    /// The hex HMAC-SHA256 of `text` with `secret` (swift-crypto's).
    static func hmac(_ text: String, secret: String) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: Array(secret.utf8)))).map { String(format: "%02x", $0) }.joined()
    }

    /// Decodes one base64url JWT part.
    static func decodePart(_ part: Substring) -> [String: Any]? {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// `epoch` as zone-less `YYYY-MM-DD HH:MM:SS` at `offsetHours`, computed with Foundation.
    static func zoneless(_ epoch: Int64, offsetHours: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: offsetHours * 3_600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    /// A lower-case UUID v4 string.
    static func isUUIDv4(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12],
              text.allSatisfy({ $0 == "-" || ($0.isHexDigit && !$0.isUppercase) }) else { return false }
        return groups[2].first == "4" && "89ab".contains(groups[3].first ?? "x")
    }
}

/// A failed expectation inside a helper.
struct WeConnectTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A Pusher client over HummingbirdWSClient: JSON messages in and out.
struct PusherTestSocket {
    var iterator: WebSocketInboundMessageStream.AsyncIterator
    let outbound: WebSocketOutboundWriter

    /// The next message as a JSON object; nil when the socket closed.
    mutating func next() async throws -> [String: Any]? {
        while let message = try await iterator.next() {
            guard case .text(let text) = message else { continue }
            return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        }
        return nil
    }

    /// The next message whose `event` is `event`, skipping others.
    mutating func next(event: String) async throws -> [String: Any] {
        while let message = try await next() {
            if message.string("event") == event { return message }
        }
        throw WeConnectTestFailure("socket closed before \(event)")
    }

    func send(_ object: [String: Any]) async throws {
        let data = try JSONSerialization.data(withJSONObject: object)
        try await outbound.write(.text(String(decoding: data, as: UTF8.self)))
    }

    /// `data` of a Pusher message decoded from its JSON string.
    static func data(_ message: [String: Any]) -> [String: Any]? {
        guard let text = message.string("data") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// Connects to `url`, runs `script`, then closes. Every message it waits for is one the sandbox has already
    /// queued (vendor time is virtual), so there is no timeout here: the suite's time limit bounds a hang.
    static func run(
        _ url: URL, _ script: @escaping @Sendable (inout PusherTestSocket) async throws -> Void
    ) async throws {
        var logger = Logger(label: "weconnect-test-socket")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: url.absoluteString, logger: logger) { inbound, outbound, _ in
            var socket = PusherTestSocket(
                iterator: inbound.messages(maxSize: 1 << 20).makeAsyncIterator(), outbound: outbound)
            do {
                try await script(&socket)
            } catch {
                Issue.record(error, "socket script failed")
            }
            try? await outbound.close(.normalClosure, reason: nil)
        }
    }
}
