import Foundation
import HTTPTypes
import Hummingbird

/// The one Hummingbird responder of the sandbox server: injected faults first, then the vendor
/// whose path prefix matches, then a JSON 404; every request is logged with its answer.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Largest request body accepted (the emulated APIs only take small JSON bodies).
    static let maxBodySize = 1 << 20

    let vendors: [any SandboxVendor]
    let faults: SandboxFaultInjector
    let log: SandboxRequestLog
    /// What the log's times read.
    var clock: SandboxClock = .system
    /// Runs before every answer: on a virtual clock the server applies what became due here, since no ticker runs.
    var beforeAnswer: (@Sendable () async -> Void)? = nil

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        var body = Data()
        var tooLarge = false
        do {
            let buffer = try await request.collectBody(upTo: Self.maxBodySize)
            body = Data(buffer.readableBytesView)
        } catch {
            tooLarge = true
        }
        var headers: [String: [String]] = [:]
        for field in request.headers {
            headers[field.name.canonicalName, default: []].append(field.value)
        }
        // HTTP/1's Host header arrives as the request's authority, not among the fields.
        if headers["host"] == nil, let authority = request.head.authority {
            headers["host"] = [authority]
        }
        let parsed = SandboxHTTPRequest(
            method: request.method.rawValue.uppercased(), path: request.uri.path,
            query: QueryString.parse(request.uri.query), headers: headers, body: body)
        return Self.response(try await answer(parsed, bodyTooLarge: tooLarge))
    }

    /// The answer to one request, whichever way it came (HTTP or `SandboxServer.answer`): an injected fault,
    /// the vendor whose path prefix matches, or a JSON 404; logged with its answer unless `logged` is false.
    func answer(_ request: SandboxHTTPRequest, bodyTooLarge: Bool = false, logged: Bool = true) async throws
        -> SandboxHTTPResponse {
        await beforeAnswer?()
        let time = clock.date()
        let path = request.path
        var answer: SandboxHTTPResponse
        var endpoint = path
        var injected = false
        if let fault = await faults.take(path: path) {
            answer = fault.response(at: clock)
            injected = true
        } else if let (vendor, rest) = match(path) {
            endpoint = rest
            answer = bodyTooLarge
                ? .json(413, ["error": "Request body too large"])
                : await vendor.respond(to: request, endpoint: rest)
        } else {
            answer = .json(404, ["error": "Not Found", "path": .string(path)])
        }

        guard logged else { return answer }
        await log.append(SandboxRequest(
            method: request.method, path: path, endpoint: endpoint,
            queryItems: request.query.map { URLQueryItem(name: $0.name, value: Self.redacted($0.name, $0.value)) },
            time: time, status: answer.status, faultInjected: injected
        ))
        return answer
    }

    /// The vendor owning `path` and the path relative to its prefix (no trailing slash).
    private func match(_ path: String) -> (any SandboxVendor, String)? {
        for vendor in vendors {
            let prefix = vendor.pathPrefix
            guard path.hasPrefix(prefix) else { continue }
            var rest = String(path.dropFirst(prefix.count))
            guard rest.isEmpty || rest.hasPrefix("/") else { continue }
            while rest.hasSuffix("/") { rest.removeLast() }
            return (vendor, rest)
        }
        return nil
    }

    /// Query values whose name suggests a credential are never logged.
    static func redacted(_ name: String, _ value: String) -> String {
        let lower = name.lowercased()
        let secret = ["key", "token", "secret", "password", "authorization"].contains { lower.contains($0) }
        return secret ? "<redacted>" : value
    }

    private static func response(_ answer: SandboxHTTPResponse) -> Response {
        var fields = HTTPFields()
        if let name = HTTPField.Name("Content-Type") {
            fields[name] = answer.contentType
        }
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status, reasonPhrase: reasonPhrase(answer.status)),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
