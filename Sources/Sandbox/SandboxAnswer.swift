import Foundation

/// One answer of the sandbox computed in-process by `SandboxServer.answer`: what the same request
/// over HTTP would have received, status, headers and body byte for byte.
public struct SandboxAnswer: Sendable {
    public let status: Int
    /// The answer's headers, `Content-Type` first, as the HTTP answer carries them.
    public let headers: [(name: String, value: String)]
    public let body: Data
}

extension SandboxServer {
    /// Answers one request without a socket, through the responder an HTTP request reaches (faults,
    /// vendor routing, authentication, the emulators' own response building, the request log). The
    /// bench reads accounts this way whose one request per thread would take longer than its time
    /// allows over loopback.
    ///
    /// - Parameters:
    ///   - url: a URL on this server: its percent-encoded path and query are what HTTP would carry.
    ///   - headers: the request's headers; `Host` defaults to the URL's host and port, as a client sends it.
    ///   - logged: false keeps the request out of `requests()` (a look the bench takes that no client makes).
    public func answer(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil,
                       logged: Bool = true) async throws -> SandboxAnswer {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var fields: [String: [String]] = [:]
        for (name, value) in headers { fields[name.lowercased(), default: []].append(value) }
        if fields["host"] == nil, let host = url.host {
            fields["host"] = [url.port.map { "\(host):\($0)" } ?? host]
        }
        let path = components?.percentEncodedPath ?? url.path
        let request = SandboxHTTPRequest(
            method: method.uppercased(), path: path.isEmpty ? "/" : path,
            query: QueryString.parse(components?.percentEncodedQuery), headers: fields, body: body ?? Data())
        let answer = try await responder.answer(request, bodyTooLarge: (body?.count ?? 0) > SandboxResponder.maxBodySize,
                                                logged: logged)
        return SandboxAnswer(status: answer.status, headers: [("Content-Type", answer.contentType)] + answer.headers,
                             body: answer.body)
    }
}
