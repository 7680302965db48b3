import Foundation
import Sandbox
import Testing

/// `network.connectionAccepted` account events for the live invitations.
@Suite struct LinkedAPIEventTests {
    typealias HTTP = LinkedAPIHTTP

    @Test func liveAcceptancesArePostedToTheRegisteredURL() async throws {
        try await TestWebhookReceiver.with { receiver in
            try await SandboxHTTP.withServer(HTTP.fast(acceptanceDelay: .milliseconds(600))) { server in
                await server.linkedAPIWebhooks.register(receiver.url)
                let data = server.linkedAPI
                let live = data.liveInvitations
                #expect(live.count == 3)
                let before = try await HTTP.statuses(server, live.map(\.personURL))
                #expect(before.map(HTTP.outcome) == ["pending", "pending", "pending"])
                #expect(await receiver.inbox.bodies.isEmpty)

                await server.advanceTime(by: .seconds(1))
                let events = await receiver.objects()
                #expect(events.count == 3)
                let now = Int64(server.configuration.clock.epochSeconds())
                for event in events {
                    #expect(event.keys.sorted() == ["data", "event"])
                    #expect(event.string("event") == "network.connectionAccepted")
                    let body = try #require(event.object("data"))
                    #expect(body.keys.sorted() == ["accountId", "detectedAt", "personUrl"])
                    #expect(body.string("accountId") == data.account.accountId)
                    let detectedAt = try #require(body.string("detectedAt"))
                    #expect(detectedAt.hasSuffix("Z"))
                    let date = try #require(ISO8601DateFormatter().date(from: detectedAt))
                    #expect(abs(Int64(date.timeIntervalSince1970) - now) < 30)
                }
                #expect(Set(events.compactMap { $0.object("data")?.string("personUrl") }) == Set(live.map(\.personURL)))

                let after = try await HTTP.statuses(server, live.map(\.personURL))
                #expect(after.map(HTTP.outcome) == ["connected", "connected", "connected"])
                #expect(data.connectionStatus(ofPersonURL: live[0].personURL, liveAccepted: true) == .connected)
            }
        }
    }

    @Test func nothingIsPostedWithoutARegisteredURL() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(acceptanceDelay: .milliseconds(100))) { server in
            let live = server.linkedAPI.liveInvitations.map(\.personURL)
            try await server.eventually(.seconds(5), "live acceptance") {
                try await HTTP.statuses(server, live).allSatisfy { HTTP.outcome($0) == "connected" }
            }
            await server.advanceTime(by: .milliseconds(150))
            #expect(await server.linkedAPIWebhooks.deliveries().isEmpty)
        }
    }
}
