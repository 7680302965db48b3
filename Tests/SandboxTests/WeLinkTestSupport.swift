import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
        return try await SandboxHTTP.perform(request)
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

    /// Polls `get_response` every 50 ms of vendor time until `done` holds (at most `limit`).
    static func poll(
        _ server: SandboxServer, _ id: String, limit: Duration = .seconds(5),
        until done: ([String: Any]) -> Bool = { $0.string("status") != "PENDING" }
    ) async throws -> [String: Any] {
        var last: HTTPResult?
        do {
            try await server.eventually(limit, step: .milliseconds(50), "request \(id)") {
                let answer = try await response(server, id)
                last = answer
                return answer.status == 200 && answer.json.map(done) == true
            }
        } catch {
            throw WeLinkTestFailure("request \(id) never reached the state: \(last?.status ?? 0) \(last?.json ?? [:])")
        }
        return last?.json ?? [:]
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

/// A failed expectation inside a We-Link test helper.
struct WeLinkTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
