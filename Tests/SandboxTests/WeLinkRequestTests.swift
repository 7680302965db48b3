import Foundation
import Sandbox
import Testing

@Suite struct WeLinkRequestTests {
    typealias HTTP = WeLinkHTTP

    @Test func wrongCredentialsAre401AndRoutingErrorsComeFirst() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let account = try #require(server.weLink.accounts.first).id
            let body: [String: Any] = ["accountId": account, "profile_url": "https://www.linkedin.com/in/a-b/"]
            for (key, secret) in [(nil, HTTP.apiSecret), (HTTP.apiKey, nil), ("wrong", HTTP.apiSecret),
                                  (HTTP.apiKey, "wrong"), (HTTP.apiSecret, HTTP.apiKey)] as [(String?, String?)] {
                let answer = try await HTTP.post(server, "send_connection_request", json: body, key: key, secret: secret)
                #expect(answer.status == 401)
                #expect(answer.json?.string("status") == "UNAUTHORIZED")
                #expect(answer.json?.string("message") == "Invalid API key or secret")
            }
            let unknown = try await HTTP.post(server, "send_invitation", json: body, key: nil, secret: nil)
            #expect(unknown.status == 404)
            #expect(unknown.json?.string("status") == "NOT_FOUND")
            let wrongMethod = try await HTTP.post(server, "get_response", method: "GET")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "POST")
            for raw in ["", "[1,2]", "not json", "\"text\""] {
                let answer = try await HTTP.post(server, "get_response", body: Data(raw.utf8))
                #expect(answer.status == 400, "\(raw)")
                #expect(answer.json?.string("status") == "INVALID_REQUEST")
            }
            let missingAccount = try await HTTP.post(server, "send_message", json: ["profile_url": "x", "message": "hi"])
            #expect(missingAccount.status == 400)
            #expect(missingAccount.json?.string("status") == "INVALID_REQUEST")
            let unknownAccount = try await HTTP.post(
                server, "send_message", json: ["accountId": "1", "profile_url": "x", "message": "hi"])
            #expect(unknownAccount.status == 404)
            #expect(unknownAccount.json?.string("status") == "ACCOUNT_NOT_FOUND")
            let missingMessage = try await HTTP.post(
                server, "send_message", json: ["accountId": account, "profile_url": "https://linkedin.com/in/x"])
            #expect(missingMessage.status == 400)
            // An account id may come as a JSON number.
            let numeric = try #require(Int(account))
            _ = try await HTTP.submit(
                server, "get_connection_status", ["accountId": numeric, "profile_url": "https://linkedin.com/in/x"])
        }
    }

    @Test func aConnectionRequestGoesFromPendingToSuccess() async throws {
        // A delay long enough that the first read is surely still pending on a busy machine.
        try await SandboxHTTP.withServer(HTTP.fast(processing: .seconds(1))) { server in
            let account = try #require(server.weLink.accounts.first).id
            let url = "https://www.linkedin.com/in/George-Orwell-1984/?trk=abc"
            let before = server.configuration.clock.epochSeconds()
            let id = try await HTTP.submit(server, "send_connection_request", [
                "accountId": account, "profile_url": url, "message": "Hi George, let's connect",
            ])
            #expect(WeConnectHTTP.isUUIDv4(id))

            let pending = try await HTTP.response(server, id)
            #expect(pending.status == 200)
            #expect(pending.json?.keys.sorted() == ["message", "request_id", "status"])
            #expect(pending.json?.string("status") == "PENDING")
            #expect(pending.json?.string("request_id") == id)
            #expect(pending.json?.string("message") == "Request is still being processed")

            let done = try await HTTP.poll(server, id)
            #expect(done.keys.sorted() == ["requestId", "result", "status"])
            #expect(done.string("status") == "SUCCESS")
            #expect(done.string("requestId") == id)
            let result = try #require(done.object("result"))
            #expect(result.keys.sorted() == ["accountId", "event", "profile_url", "sent_at"])
            #expect(result.string("event") == "CONNECTION_SENT")
            #expect(result.string("accountId") == account)
            #expect(result.string("profile_url") == url)
            let sentAt = try #require(result.string("sent_at"))
            #expect(sentAt.hasSuffix("Z"))
            let sent = try #require(ISO8601DateFormatter().date(from: sentAt)).timeIntervalSince1970
            #expect(sent >= before.rounded(.down) + 0.9 && sent <= server.configuration.clock.epochSeconds())

            // The invitation is now pending; a second one to the same person (another URL form) fails.
            let status = try await HTTP.poll(server, try await HTTP.submit(
                server, "get_connection_status", ["accountId": account, "profile_url": "linkedin.com/in/george-orwell-1984"]))
            #expect(status.object("result")?.string("connection_status") == "PENDING")
            #expect(status.object("result")?.string("profile_url") == "linkedin.com/in/george-orwell-1984")
            let again = try await HTTP.poll(server, try await HTTP.submit(
                server, "send_connection_request",
                ["accountId": account, "profile_url": "http://de.linkedin.com/in/george-orwell-1984/de"]))
            #expect(again.string("status") == "CONNECTION_FAILED")
        }
    }

    @Test func failuresHaveTheRequestIDShape() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let data = server.weLink
            let account = try #require(data.accounts.first).id
            let missing = try #require(data.requests(ofAccount: account).first {
                $0.finalStatus == .profileNotFound && !$0.settlesAfterStart
            })
            let notFound = try await HTTP.poll(server, try await HTTP.submit(
                server, "send_connection_request",
                ["accountId": account, "profile_url": "https://www.linkedin.com/in/\(missing.slug)/"]))
            #expect(notFound.keys.sorted() == ["message", "request_id", "status"])
            #expect(notFound.string("status") == "PROFILE_NOT_FOUND")
            #expect(notFound["requestId"] == nil)
            #expect(notFound.string("message")?.isEmpty == false)

            let notLinkedIn = try await HTTP.poll(server, try await HTTP.submit(
                server, "send_message", ["accountId": account, "profile_url": "https://example.com/in/x", "message": "hi"]))
            #expect(notLinkedIn.string("status") == "PROFILE_NOT_FOUND")

            // Prospects of the history never invited are no connections: messages to them fail.
            let uninvited = try #require(data.requests(ofAccount: account).first { $0.finalStatus == .messageFailed })
            #expect(data.connectionStatus(accountID: account, profileURL: uninvited.profileURL) == .notConnected)
            let failed = try await HTTP.poll(server, try await HTTP.submit(
                server, "send_message", ["accountId": account, "profile_url": uninvited.profileURL, "message": "hi"]))
            #expect(failed.string("status") == "MESSAGE_FAILED")
            #expect(failed.keys.sorted() == ["message", "request_id", "status"])

            let connected = try #require(data.requests(ofAccount: account).first { $0.acceptedAt != nil })
            let refused = try await HTTP.poll(server, try await HTTP.submit(
                server, "send_connection_request", ["accountId": account, "profile_url": connected.profileURL]))
            #expect(refused.string("status") == "CONNECTION_FAILED")

            let unknown = try await HTTP.post(server, "get_response", json: ["request_id": "no-such-request"])
            #expect(unknown.status == 404)
            #expect(unknown.json?.string("status") == "REQUEST_NOT_FOUND")
            #expect(unknown.json?.string("request_id") == "no-such-request")
            let noID = try await HTTP.post(server, "get_response", json: ["accountId": account])
            #expect(noID.status == 400)
        }
    }

    @Test func aMessageGetsItsReplyInTheSameRequest() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(processing: .milliseconds(200), reply: .milliseconds(400))) { server in
            let account = try #require(server.weLink.accounts.first).id
            let talker = try HTTP.stranger(server, replies: true)
            let silent = try HTTP.stranger(server, replies: false)
            let replied = try await HTTP.submit(
                server, "send_message", ["accountId": account, "profile_url": talker, "message": "Hello there"])
            let unanswered = try await HTTP.submit(
                server, "send_message", ["accountId": account, "profile_url": silent, "message": "Hello there"])

            let sent = try await HTTP.poll(server, replied)
            #expect(sent.string("status") == "SUCCESS")
            #expect(sent.object("result")?.string("event") == "MESSAGE_SENT")
            #expect(sent.object("result")?.keys.sorted() == ["accountId", "event", "profile_url", "sent_at"])

            let reply = try await HTTP.poll(server, replied) { $0.object("result")?.string("event") == "MESSAGE_REPLY" }
            #expect(reply.string("requestId") == replied)
            let result = try #require(reply.object("result"))
            #expect(result.keys.sorted() == ["accountId", "event", "profile_url", "replied_at", "reply", "sent_at"])
            #expect(result.string("profile_url") == talker)
            #expect(result.string("sent_at") == sent.object("result")?.string("sent_at"))
            #expect(result.object("reply")?.string("text")?.isEmpty == false)
            let sentAt = try #require(result.string("sent_at").flatMap { ISO8601DateFormatter().date(from: $0) })
            let repliedAt = try #require(result.string("replied_at").flatMap { ISO8601DateFormatter().date(from: $0) })
            #expect(repliedAt.timeIntervalSince(sentAt) >= 0)

            // The one who does not reply stays MESSAGE_SENT well after the reply delay.
            await server.advanceTime(by: .seconds(60))
            let quiet = try await HTTP.poll(server, unanswered)
            #expect(quiet.object("result")?.string("event") == "MESSAGE_SENT")
        }
    }

    @Test func historyRequestsAnswerWithTheirRecordedOutcome() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let data = server.weLink
            let replied = try #require(data.requests.first { $0.repliedAt != nil && !$0.settlesAfterStart })
            let body = try #require(try await HTTP.response(server, replied.requestID).json)
            #expect(body.string("status") == "SUCCESS")
            let result = try #require(body.object("result"))
            #expect(result.string("event") == "MESSAGE_REPLY")
            #expect(result.string("accountId") == replied.accountID)
            #expect(result.string("profile_url") == replied.profileURL)
            #expect(result.string("sent_at") == HTTP.iso(replied.sentAt))
            #expect(result.string("replied_at") == HTTP.iso(replied.repliedAt))
            #expect(result.object("reply")?.string("text") == replied.replyText)

            let invitation = try #require(data.requests.first { $0.type == .connect && $0.succeeded && !$0.settlesAfterStart })
            let connect = try #require(try await HTTP.response(server, invitation.requestID).json)
            #expect(connect.object("result")?.string("event") == "CONNECTION_SENT")
            #expect(connect.object("result")?.string("sent_at") == HTTP.iso(invitation.sentAt))

            let failure = try #require(data.requests.first { $0.finalStatus == .connectionFailed })
            let failed = try #require(try await HTTP.response(server, failure.requestID).json)
            #expect(failed.string("status") == "CONNECTION_FAILED")
            #expect(failed.string("request_id") == failure.requestID)
        }
    }

    @Test func connectionStatusFollowsTheDatasetForEveryURLForm() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(processing: .milliseconds(100))) { server in
            let data = server.weLink
            let account = try #require(data.accounts.first).id
            let history = data.requests(ofAccount: account).filter { $0.type == .connect && !$0.settlesAfterStart }
            let accepted = try #require(history.first { $0.acceptedAt != nil })
            let pending = try #require(history.first { $0.succeeded && $0.acceptedAt == nil })
            let refused = try #require(history.first { $0.finalStatus == .connectionFailed })
            let cases: [(WeLinkRequestRecord, String)] = [
                (accepted, "ALREADY_CONNECTED"), (pending, "PENDING"), (refused, "NOT_CONNECTED"),
            ]
            for (record, expected) in cases {
                #expect(data.connectionStatus(accountID: account, profileURL: record.profileURL).rawValue == expected)
                let encoded = record.slug.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-"))) ?? record.slug
                for url in [record.profileURL, "https://www.linkedin.com/in/\(encoded)",
                            "HTTPS://WWW.LINKEDIN.COM/in/\(encoded.uppercased())/fr/?x=1#top"] {
                    let body = try await HTTP.poll(server, try await HTTP.submit(
                        server, "get_connection_status", ["accountId": account, "profile_url": url]))
                    let result = try #require(body.object("result"), "\(url): \(body)")
                    #expect(result.keys.sorted() == ["accountId", "connection_status", "profile_url"])
                    #expect(result.string("connection_status") == expected, "\(url)")
                    #expect(result.string("profile_url") == url)
                }
            }
            // The other account never invited these people.
            let other = try #require(data.accounts.last).id
            let body = try await HTTP.poll(server, try await HTTP.submit(
                server, "get_connection_status", ["accountId": other, "profile_url": accepted.profileURL]))
            let otherStatus = data.connectionStatus(accountID: other, profileURL: accepted.profileURL)
            #expect(body.object("result")?.string("connection_status") == otherStatus.rawValue)
        }
    }
}
