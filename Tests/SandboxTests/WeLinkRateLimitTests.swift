import Foundation
import Sandbox
import Testing

@Suite struct WeLinkRateLimitTests {
    typealias HTTP = WeLinkHTTP

    @Test func theLimitIsPerAccountWithRetryAfterAndRecovers() async throws {
        let window = Duration.seconds(2)
        try await SandboxHTTP.withServer(HTTP.fast(perWindow: 3, window: window)) { server in
            let first = try #require(server.weLink.accounts.first).id
            let second = try #require(server.weLink.accounts.last).id
            let body: (String) -> [String: Any] = { ["accountId": $0, "profile_url": "https://linkedin.com/in/someone"] }

            // Answers 400 and 404 are not counted.
            let invalid = try await HTTP.post(server, "get_connection_status", json: ["accountId": first])
            #expect(invalid.status == 400)
            let unknownRequest = try await HTTP.post(server, "get_response", json: ["request_id": "nope"])
            #expect(unknownRequest.status == 404)

            for _ in 0..<3 { _ = try await HTTP.submit(server, "get_connection_status", body(first)) }
            let refused = try await HTTP.post(server, "get_connection_status", json: body(first))
            #expect(refused.status == 429)
            #expect(refused.json?.string("status") == "RATE_LIMIT_EXCEEDED")
            #expect(refused.json?.string("message") == "Rate limit of 3 requests per 2 seconds exceeded")
            let retryAfter = try #require(refused.header("Retry-After").flatMap { Int($0) })
            #expect(retryAfter == 2, "no vendor time has passed")
            // The other account has its own budget.
            _ = try await HTTP.submit(server, "get_connection_status", body(second))

            // 429s are not counted either: once the window has passed, three more go through.
            await server.advanceTime(by: window + .milliseconds(100))
            for _ in 0..<3 { _ = try await HTTP.submit(server, "get_connection_status", body(first)) }
            #expect(try await HTTP.post(server, "get_connection_status", json: body(first)).status == 429)
        }
    }

    @Test func getResponseCountsAgainstTheAccountOwningTheRequest() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(perWindow: 3)) { server in
            let first = try #require(server.weLink.accounts.first).id
            let second = try #require(server.weLink.accounts.last).id
            let id = try await HTTP.submit(
                server, "get_connection_status", ["accountId": first, "profile_url": "https://linkedin.com/in/x"])
            // The accountId in the body is ignored: both polls count against the owner.
            #expect(try await HTTP.post(server, "get_response", json: ["request_id": id, "accountId": second]).status == 200)
            #expect(try await HTTP.response(server, id).status == 200)
            let refused = try await HTTP.response(server, id)
            #expect(refused.status == 429)
            #expect(refused.json?.string("status") == "RATE_LIMIT_EXCEEDED")
            let retryAfter = try #require(refused.header("Retry-After").flatMap { Int($0) })
            #expect(retryAfter > 3_500 && retryAfter <= 3_600)
            #expect(refused.json?.string("message") == "Rate limit of 3 requests per hour exceeded")
            // A dataset request of the other account is still readable.
            let other = try #require(server.weLink.requests(ofAccount: second).first)
            #expect(try await HTTP.response(server, other.requestID).status == 200)
            let submit = try await HTTP.post(
                server, "send_message", json: ["accountId": first, "profile_url": "https://linkedin.com/in/x", "message": "m"])
            #expect(submit.status == 429)
        }
    }
}
