import Foundation
import Sandbox
import Testing

@Suite struct WeLinkWebhookTests {
    typealias HTTP = WeLinkHTTP

    @Test func finishedRequestsAndRepliesArePostedAsTheirResponseBodies() async throws {
        try await TestWebhookReceiver.run { receiver, inbox in
            let configuration = HTTP.fast(processing: .milliseconds(500), reply: .milliseconds(300))
            try await SandboxHTTP.withServer(configuration) { server in
                await server.weLinkWebhooks.register(receiver)
                let data = server.weLink
                let account = try #require(data.accounts.first).id
                let talker = try HTTP.stranger(server, replies: true)
                let missing = try #require(data.requests.first { $0.finalStatus == .profileNotFound }).profileURL
                let message = try await HTTP.submit(
                    server, "send_message", ["accountId": account, "profile_url": talker, "message": "Hi"])
                let failed = try await HTTP.submit(
                    server, "send_connection_request", ["accountId": account, "profile_url": missing])
                let status = try await HTTP.submit(
                    server, "get_connection_status", ["accountId": account, "profile_url": talker])

                let recent = data.recentRequests
                #expect(recent.count == 4 * data.accounts.count)
                // One body per finished request, one more per reply.
                let expectedCount = recent.count + recent.filter(\.willReply).count + 3 + 1
                // Every request finishes 500 ms after it started and every reply 300 ms after that: a second of
                // vendor time posts them all.
                await server.advanceTime(by: .seconds(1))
                let bodies = WebhookInbox.objects(await inbox.bodies)
                #expect(bodies.count == expectedCount)
                await server.advanceTime(by: .seconds(60))
                #expect(await inbox.bodies.count == expectedCount, "nothing more is posted")

                for id in [message, failed, status] + recent.map(\.requestID) {
                    let final = try #require(try await HTTP.response(server, id).json)
                    let delivered = bodies.filter { ($0.string("requestId") ?? $0.string("request_id")) == id }
                    let last = try #require(delivered.last, "no webhook for \(id)")
                    #expect(NSDictionary(dictionary: last).isEqual(to: final), "\(id): \(last) vs \(final)")
                    #expect(delivered.allSatisfy { $0.string("status") != "PENDING" })
                }
                let events = bodies.filter { ($0.string("requestId")) == message }.compactMap { $0.object("result")?.string("event") }
                #expect(events == ["MESSAGE_SENT", "MESSAGE_REPLY"])
                let failure = try #require(bodies.first { $0.string("request_id") == failed })
                #expect(failure.keys.sorted() == ["message", "request_id", "status"])
                #expect(failure.string("status") == "PROFILE_NOT_FOUND")
                let success = try #require(bodies.first { $0.string("requestId") == status })
                #expect(success.keys.sorted() == ["requestId", "result", "status"])
                #expect(success.string("status") == "SUCCESS")

                // The sender's log agrees: every delivery answered 200 at the first attempt.
                let deliveries = await server.weLinkWebhooks.deliveries()
                #expect(deliveries.count == expectedCount)
                #expect(deliveries.allSatisfy { $0.status == 200 && $0.attempts == 1 && $0.url == receiver })
            }
        }
    }
}
