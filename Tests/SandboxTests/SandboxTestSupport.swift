import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Chronology
import Sandbox

/// What a test saw of one HTTP exchange.
struct HTTPResult {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// The body as a JSON object (nil when it is not one).
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// The envelope's `data` object.
    var data: [String: Any]? {
        json?["data"] as? [String: Any]
    }

    /// A header value, case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Small HTTP helpers over `LoopbackHTTP` for the sandbox tests.
enum SandboxHTTP {
    static let apiKey = "sandbox-konnector-key"
    static let adminKey = "sandbox-konnector-admin"

    /// Percent-encodes everything but RFC 3986 unreserved characters (so `+ / =` are escaped).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `base + endpoint ? name=value&...` with properly encoded items.
    static func url(_ base: URL, _ endpoint: String, _ items: [(String, String)] = []) -> URL {
        var text = base.absoluteString + endpoint
        if !items.isEmpty {
            text += "?" + items.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
        }
        return URL(string: text) ?? base
    }

    static func send(
        _ url: URL, key: String? = apiKey, keyHeader: String = "Authorization"
    ) async throws -> HTTPResult {
        try await send("GET", url, key: key, keyHeader: keyHeader)
    }

    static func send(
        _ method: String, _ url: URL, key: String? = apiKey, keyHeader: String = "Authorization",
        json: Any? = nil
    ) async throws -> HTTPResult {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key { request.setValue(key, forHTTPHeaderField: keyHeader) }
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        return try await perform(request)
    }

    /// Sends `request` and returns the status, headers and body of the answer.
    static func perform(_ request: URLRequest) async throws -> HTTPResult {
        let (data, response) = try await LoopbackHTTP.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            headers[String(describing: name)] = String(describing: value)
        }
        return HTTPResult(status: http?.statusCode ?? 0, headers: headers, body: data)
    }

    /// Runs `body` against a freshly started server and always stops it. The server keeps virtual time (a
    /// `ManualTime` of its own unless the configuration brings one): vendor time passes only as the test advances
    /// it (`server.advanceTime(by:)`, `eventually`), so no test sleeps or depends on the machine's speed.
    static func withServer(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxServer) async throws -> Void
    ) async throws {
        var configuration = configuration
        if configuration.clock.manual == nil { configuration.clock = SandboxClock(time: ManualTime()) }
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

extension SandboxServer {
    /// Lets vendor time pass in steps of `step` until `condition` holds, at most `limit` of virtual time (the
    /// condition is checked before the first step); throws naming `what` when it never holds.
    func eventually(
        _ limit: Duration = .seconds(5), step: Duration = .milliseconds(20), _ what: String,
        _ condition: () async throws -> Bool
    ) async throws {
        var waited = Duration.zero
        while try await !condition() {
            guard waited < limit else { throw SandboxTestFailure("timed out waiting for \(what)") }
            await advanceTime(by: step)
            waited += step
        }
    }
}

/// A test helper's expectation that did not hold.
struct SandboxTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Number helpers for JSON read through JSONSerialization.
extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func string(_ key: String) -> String? { self[key] as? String }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func objects(_ key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
}
