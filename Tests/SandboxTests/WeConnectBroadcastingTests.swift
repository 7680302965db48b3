import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite struct WeConnectBroadcastingTests {
    typealias HTTP = WeConnectHTTP

    @Test func authSignsThePrivateChannelWithTheAppSecret() async throws {
        try await SandboxHTTP.withServer { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let channel = "private-status-updates-\(demo.id)"
            let result = try await HTTP.form(
                server, "/broadcasting/auth", token: token,
                fields: [("socket_id", "1234.5678"), ("channel_name", channel)])
            #expect(result.status == 200)
            #expect(result.json?.keys.sorted() == ["auth"])
            let expected = "WC94900:" + HTTP.hmac("1234.5678:" + channel, secret: "sandbox-pusher-secret")
            #expect(result.json?.string("auth") == expected)

            // JSON bodies work too (Laravel reads either).
            let json = try await HTTP.send(
                "POST", server, "/broadcasting/auth", token: token,
                json: ["socket_id": "1234.5678", "channel_name": channel])
            #expect(json.json?.string("auth") == expected)
        }
    }

    @Test func otherChannelsAreForbidden() async throws {
        try await SandboxHTTP.withServer { server in
            let users = server.weConnect.users
            let demo = try #require(users.first)
            let other = try #require(users.dropFirst().first)
            let token = try await HTTP.login(server, demo)
            for channel in ["private-status-updates-\(other.id)", "private-status-updates-", "presence-x", ""] {
                let result = try await HTTP.form(
                    server, "/broadcasting/auth", token: token,
                    fields: [("socket_id", "1234.5678"), ("channel_name", channel)])
                #expect(result.status == 403, "\(channel)")
            }
            let unauthenticated = try await HTTP.form(
                server, "/broadcasting/auth", token: nil,
                fields: [("socket_id", "1234.5678"), ("channel_name", "private-status-updates-\(demo.id)")])
            #expect(unauthenticated.status == 401)
            let badSocket = try await HTTP.form(
                server, "/broadcasting/auth", token: token,
                fields: [("socket_id", "abc"), ("channel_name", "private-status-updates-\(demo.id)")])
            #expect(badSocket.status == 422)
        }
    }

    @Test func theRequestLogCoversWeConnectWithoutSecrets() async throws {
        try await SandboxHTTP.withServer { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            _ = try await HTTP.send("GET", server, "/api/beta/ln/messages?page=1&token=\(token)", token: token)
            await server.injectFault(pathSuffix: "/ln/messages", status: 503)
            let faulted = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: token)
            #expect(faulted.status == 503)
            let recovered = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: token)
            #expect(recovered.status == 200)

            let log = await server.requests()
            let weConnect = log.filter { $0.path.hasPrefix(SandboxServer.weConnectPathPrefix) }
            #expect(weConnect.map(\.path) == [
                "/weconnect/api/beta/login", "/weconnect/api/beta/ln/messages", "/weconnect/api/beta/ln/messages",
                "/weconnect/api/beta/ln/messages",
            ])
            #expect(weConnect.first?.endpoint == "/api/beta/login")
            #expect(weConnect.map(\.status) == [200, 200, 503, 200])
            #expect(weConnect.map(\.faultInjected) == [false, false, true, false])
            let text = log.map { "\($0)" }.joined()
            #expect(!text.contains(demo.password))
            #expect(!text.contains(token))
        }
    }
}
