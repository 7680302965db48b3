import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox

/// HTTP helpers for the Linked API emulator tests.
enum LinkedAPIHTTP {
    static let token = "sandbox-linkedapi-token"
    static let identification = "sandbox-linkedapi-identification"

    /// A configuration with short timings for tests.
    static func fast(
        workflowDelay: Duration = .milliseconds(100), acceptanceDelay: Duration = .seconds(30), seed: UInt64 = 17
    ) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.linkedAPIWorkflowDelay = workflowDelay
        configuration.linkedAPIAcceptanceDelay = acceptanceDelay
        configuration.linkedAPISeed = seed
        return configuration
    }

    /// The two auth headers with the configured values.
    static let auth = ["linked-api-token": token, "identification-token": identification]

    /// A request to `server.linkedAPIBaseURL + endpoint` with `headers`, and `body` as raw bytes
    /// or, when `json` is given, that value serialised.
    static func send(
        _ method: String, _ server: SandboxServer, _ endpoint: String, headers: [String: String] = auth,
        json: Any? = nil, body: Data? = nil
    ) async throws -> HTTPResult {
        let url = try requireURL(server.linkedAPIBaseURL.absoluteString + endpoint)
        return try await send(method, url, headers: headers, json: json, body: body)
    }

    static func send(
        _ method: String, _ url: URL, headers: [String: String] = auth, json: Any? = nil, body: Data? = nil
    ) async throws -> HTTPResult {
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])
        } else if let body {
            request.httpBody = body
        }
        return try await SandboxHTTP.perform(request)
    }

    /// `POST /account/workflow` with `workflow` as body and the result-handling headers given.
    static func workflow(
        _ server: SandboxServer, _ workflow: Any, handling: String? = nil, webhook: String? = nil
    ) async throws -> HTTPResult {
        var headers = auth
        if let handling { headers["result-handling"] = handling }
        if let webhook { headers["webhook"] = webhook }
        return try await send("POST", server, "/account/workflow", headers: headers, json: workflow)
    }

    /// Runs `workflow` in long mode and returns its `completion`.
    static func complete(_ server: SandboxServer, _ workflow: Any) async throws -> Any {
        let result = try await self.workflow(server, workflow)
        guard result.status == 200, result.json?.string("status") == "completed",
              let completion = result.json?["completion"] else {
            throw LinkedAPITestFailure("workflow did not complete: \(result.status) \(String(decoding: result.body, as: UTF8.self))")
        }
        return completion
    }

    /// Long-mode results of `st.checkConnectionStatus` for each URL, chained with `then`: the
    /// completion array, in the order of `urls`.
    static func statuses(_ server: SandboxServer, _ urls: [String]) async throws -> [[String: Any]] {
        guard let first = urls.first else { return [] }
        let then = urls.dropFirst().map { ["actionType": "st.checkConnectionStatus", "personUrl": $0] }
        let completion = try await complete(server, [
            "actionType": "st.checkConnectionStatus", "personUrl": first, "then": then,
        ])
        guard let results = completion as? [[String: Any]], results.count == urls.count else {
            throw LinkedAPITestFailure("unexpected completion \(completion)")
        }
        return results
    }

    /// The one status a result reports, or its error type.
    static func outcome(_ result: [String: Any]) -> String? {
        if result["success"] as? Bool == true { return result.object("data")?.string("connectionStatus") }
        return result.object("error")?.string("type")
    }
}

/// `data` and `expected` as canonical JSON text (sorted keys), so a body can be compared whole.
func canonicalJSON(_ data: Data) -> String? {
    guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
    return canonicalJSON(value: value)
}

func canonicalJSON(value: Any) -> String? {
    guard let data = try? JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// A test failure with a message.
struct LinkedAPITestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `URL(string:)` or a thrown failure.
func requireURL(_ text: String) throws -> URL {
    guard let url = URL(string: text) else { throw LinkedAPITestFailure("not a URL: \(text)") }
    return url
}

/// ISO 8601 text of epoch seconds, in UTC (`Z`) or at a whole-hour offset, optionally with a fraction
/// of `.000`, written independently of the sandbox.
func isoText(_ epoch: Int64, offsetHours: Int = 0, fraction: Bool = false) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: offsetHours * 3_600)
    formatter.dateFormat = fraction ? "yyyy-MM-dd'T'HH:mm:ss.SSSxxx" : "yyyy-MM-dd'T'HH:mm:ssXXXXX"
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
}
