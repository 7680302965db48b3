import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite(.timeLimit(.minutes(2))) struct WeConnectSocketTests {
    typealias HTTP = WeConnectHTTP

    @Test func subscribeAndReceiveStatusEventsOfASubmittedMessage() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let account = try #require(demo.accounts.first).accountID
            #expect(server.weConnectSocketURL.absoluteString.hasSuffix("/weconnect/app/WC94900"))
            #expect(server.weConnectSocketURL.scheme == "ws")

            try await PusherTestSocket.run(server.weConnectSocketURL) { socket in
                let established = try #require(try await socket.next())
                #expect(established.string("event") == "pusher:connection_established")
                let info = try #require(PusherTestSocket.data(established))
                let socketID = try #require(info.string("socket_id"))
                #expect(info.int("activity_timeout") == 120)
                let parts = socketID.split(separator: ".")
                #expect(parts.count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) })

                let channel = "private-status-updates-\(demo.id)"
                let auth = try await HTTP.form(
                    server, "/broadcasting/auth", token: token,
                    fields: [("socket_id", socketID), ("channel_name", channel)])
                let signature = try #require(auth.json?.string("auth"))
                try await socket.send([
                    "event": "pusher:subscribe", "data": ["auth": signature, "channel": channel],
                ])
                let subscribed = try #require(try await socket.next())
                #expect(subscribed.string("event") == "pusher_internal:subscription_succeeded")
                #expect(subscribed.string("channel") == channel)
                #expect(subscribed.string("data") == "{}")

                try await socket.send(["event": "pusher:ping", "data": [:] as [String: Any]])
                let pong = try await socket.next(event: "pusher:pong")
                #expect(pong.string("event") == "pusher:pong")

                let sent = try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: [
                    "account_id": account, "linkedin": "george-orwell", "type": "message", "message": "Hi George",
                ])
                let requestID = try #require(sent.json?.string("request_id"))
                // The action settles after 200 ms and its reply 300 ms later, pushed as they happen.
                await server.advanceTime(by: .seconds(1))

                // Pre-existing "recent" actions may report too: wait for this request's events.
                var updates: [[String: Any]] = []
                while updates.count < 2 {
                    let event = try await socket.next(event: "request-status-updated")
                    #expect(event.string("channel") == channel)
                    let data = try #require(PusherTestSocket.data(event))
                    if data.string("request_id") == requestID { updates.append(data) }
                }
                #expect(updates.map { $0.string("request_type") } == ["message", "message"])
                #expect(updates.map { $0.string("request_status") } == ["Completed_Success", "Completed_Success"])
                #expect(updates.map { $0["replied"] as? Bool } == [false, true])

                // Adding a LinkedIn account is announced on the same channel.
                let added = try await HTTP.send("POST", server, "/api/beta/ln/add", token: token, json: [
                    "email": "socket.account@example.com", "password": "pw",
                ])
                let accountID = try #require(added.json?.object("success")?.int("account_id"))
                await server.advanceTime(by: .seconds(1))
                let announced = try await socket.next(event: "account-status-updated")
                let accountData = try #require(PusherTestSocket.data(announced))
                #expect(accountData.int("account_id") == accountID)
                #expect(accountData.string("account_email") == "socket.account@example.com")
                #expect(accountData.string("status") == "Completed_Success")
            }
        }
    }

    @Test func aBadSignatureIsRefusedWith4009() async throws {
        try await SandboxHTTP.withServer { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            try await PusherTestSocket.run(server.weConnectSocketURL) { socket in
                let established = try await socket.next(event: "pusher:connection_established")
                let socketID = try #require(PusherTestSocket.data(established)?.string("socket_id"))
                // A signature for another socket id does not work on this one.
                let channel = "private-status-updates-\(demo.id)"
                let auth = try await HTTP.form(
                    server, "/broadcasting/auth", token: token,
                    fields: [("socket_id", "1.2"), ("channel_name", channel)])
                let foreign = try #require(auth.json?.string("auth"))
                try await socket.send(["event": "pusher:subscribe", "data": ["auth": foreign, "channel": channel]])
                let error = try #require(try await socket.next())
                #expect(error.string("event") == "pusher:error")
                #expect(error.object("data")?.int("code") == 4009)
                #expect(socketID != "1.2")

                // Another user's channel, signed by hand with a wrong secret, fails the same way.
                let other = "private-status-updates-\(demo.id + 1)"
                let forged = "WC94900:" + HTTP.hmac(socketID + ":" + other, secret: "guess")
                try await socket.send(["event": "pusher:subscribe", "data": ["auth": forged, "channel": other]])
                let second = try #require(try await socket.next())
                #expect(second.object("data")?.int("code") == 4009)

                // The document's example channel has a leading space: not a valid channel name.
                let spaced = " " + channel
                try await socket.send(["event": "pusher:subscribe", "data": [
                    "auth": "WC94900:" + HTTP.hmac(socketID + ":" + spaced, secret: "sandbox-pusher-secret"),
                    "channel": spaced,
                ]])
                let third = try #require(try await socket.next())
                #expect(third.string("event") == "pusher:error")
                #expect(third.object("data")?.string("message")?.contains("Invalid channel name") == true)
            }
        }
    }

    @Test func aWrongAppKeyIsRefusedWith4001() async throws {
        try await SandboxHTTP.withServer { server in
            let url = try #require(URL(string: server.weConnectSocketURL.absoluteString
                .replacingOccurrences(of: "/app/WC94900", with: "/app/WRONG")))
            try await PusherTestSocket.run(url) { socket in
                let error = try #require(try await socket.next())
                #expect(error.string("event") == "pusher:error")
                #expect(error.object("data")?.int("code") == 4001)
                #expect(try await socket.next() == nil)
            }
            let attempts = await server.requests().filter { $0.endpoint.hasPrefix("/app/") }
            #expect(attempts.map(\.status) == [101])
        }
    }
}
