import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox
import Testing

/// `SandboxServer.answer` gives what the same request over HTTP gets, byte for byte, and is
/// logged like it (the bench lands the largest accounts this way).
@Suite struct SandboxAnswerTests {
    private typealias HTTP = WeConnectHTTP

    @Test func answersAsHTTPDoesAndIsLogged() async throws {
        try await SandboxHTTP.withServer(SandboxConfiguration(weConnectActionDelay: .seconds(3_600))) { server in
            let demo = try #require(server.weConnect.users.first)
            let thread = try #require(server.weConnect.threads(ofUser: demo.id).first)
            let token = try await HTTP.login(server, demo)
            let headers = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            let body = try JSONSerialization.data(withJSONObject: ["thread": thread.id])

            let overHTTP = try await HTTP.send("POST", server, "/api/beta/ln/thread", token: token, json: ["thread": thread.id])
            let before = await server.requests().count
            let inProcess = try await server.answer(method: "POST", url: HTTP.url(server, "/api/beta/ln/thread"),
                                                    headers: headers, body: body)
            #expect(inProcess.status == overHTTP.status)
            #expect(inProcess.body == overHTTP.body)
            #expect(inProcess.headers.first?.value == overHTTP.header("Content-Type"))
            let logged = await server.requests().dropFirst(before)
            #expect(logged.map(\.endpoint) == ["/api/beta/ln/thread"])

            let page = HTTP.url(server, "/api/beta/ln/messages?page=2")
            let listing = try await HTTP.send("GET", server, "/api/beta/ln/messages?page=2", token: token)
            let unlogged = try await server.answer(method: "GET", url: page, headers: headers, logged: false)
            #expect(unlogged.body == listing.body)
            #expect(await server.requests().count == before + 2)

            let refused = try await server.answer(method: "GET", url: page)
            #expect(refused.status == 401)
        }
    }
}
