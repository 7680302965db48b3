import Extract
import Foundation
import Sandbox

/// An `HTTPClient` whose requests the in-process sandbox answers without a socket
/// (`SandboxServer.answer`: the same responder, the emulators' own answers, byte for byte). The
/// largest scales read WeConnect this way: one request per thread is more than loopback HTTP can
/// carry in the bench's time. Everything else of the extract (the extractor, the landing, the
/// ledger and the fingerprints) is the product's own.
struct InProcessSandboxClient: HTTPClient {
    let server: SandboxServer

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer = try await server.answer(method: request.method, url: request.url, headers: request.headers,
                                             body: request.body)
        var headers: [String: String] = [:]
        for (name, value) in answer.headers { headers[name] = value }
        let exceeded = answer.body.count > request.maxBodyBytes
        return HTTPResponse(status: answer.status, headers: headers,
                            body: exceeded ? answer.body.prefix(request.maxBodyBytes) : answer.body, bodyExceededLimit: exceeded)
    }
}
