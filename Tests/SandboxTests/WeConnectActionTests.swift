import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite struct WeConnectActionTests {
    typealias HTTP = WeConnectHTTP

    @Test func sendAnswersARequestIDThatGoesFromPendingToFinal() async throws {
        // A delay long enough that the first status read is surely still Pending on a busy machine.
        try await SandboxHTTP.withServer(HTTP.fast(actionDelay: .seconds(1))) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let account = try #require(demo.accounts.first).accountID
            let sent = try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: [
                "account_id": account, "linkedin": "george-orwell", "type": "connect",
                "message": "Hi , I would like to connect with you",
            ])
            #expect(sent.status == 200)
            #expect(sent.json?.keys.sorted() == ["request_id", "status"])
            #expect(sent.json?.string("status") == "success")
            let requestID = try #require(sent.json?.string("request_id"))
            #expect(HTTP.isUUIDv4(requestID))

            let pending = try await HTTP.send("GET", server, "/api/beta/ln/request/\(requestID)", token: token)
            #expect(pending.status == 200)
            let body = try #require(pending.json)
            #expect(body.keys.sorted() == ["request_id", "request_object", "request_status", "request_type", "status"])
            #expect(body.string("status") == "success")
            #expect(body.string("request_id") == requestID)
            #expect(body.string("request_type") == "connect")
            #expect(body.string("request_status") == "Pending")
            let object = try #require(body.object("request_object"))
            #expect(object.keys.sorted() == ["account_id", "linkedin", "type"])
            #expect(object.int("account_id") == account)
            #expect(object.string("linkedin") == "george-orwell")
            #expect(object.string("type") == "connect")

            let final = try await HTTP.poll(server, token: token, requestID: requestID) {
                $0.string("request_status") != "Pending"
            }
            #expect(["Completed_Success", "Completed_Failed"].contains(final.string("request_status")))
            #expect(final["replied"] == nil)
            // The document shows POST for the same endpoint too.
            let viaPost = try await HTTP.send("POST", server, "/api/beta/ln/request/\(requestID)", token: token, json: [:])
            #expect(viaPost.json?.string("request_status") == final.string("request_status"))
        }
    }

    @Test func everyDocumentedTypeIsAcceptedAndSomeFail() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(actionDelay: .milliseconds(100))) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let account = try #require(demo.accounts.last).accountID
            var ids: [String] = []
            for round in 0..<3 {
                for type in ["connect", "message", "withdraw", "visit", "endorse", "like", "follow"] {
                    var body: [String: Any] = ["account_id": account, "linkedin": "prospect-\(round)", "type": type]
                    if type == "message" { body["message"] = "Hi George" }
                    let sent = try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: body)
                    #expect(sent.status == 200, "\(type)")
                    ids.append(try #require(sent.json?.string("request_id")))
                }
            }
            #expect(Set(ids).count == ids.count)
            var statuses: [String] = []
            for id in ids {
                let final = try await HTTP.poll(server, token: token, requestID: id) {
                    $0.string("request_status") != "Pending"
                }
                statuses.append(final.string("request_status") ?? "")
            }
            #expect(statuses.contains("Completed_Success"))
            #expect(statuses.contains("Completed_Failed"))
            #expect(statuses.filter { $0 == "Completed_Failed" }.count < statuses.count / 2)
        }
    }

    @Test func aMessageGetsRepliedAndTheReplyIsInItsThread() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(actionDelay: .seconds(1))) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let account = try #require(demo.accounts.first).accountID
            let sent = try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: [
                "account_id": account, "linkedin": "jos%C3%A9-garc%C3%ADa-new", "type": "message",
                "message": "Hi \"José\",\nsecond line",
            ])
            let requestID = try #require(sent.json?.string("request_id"))
            let first = try await HTTP.send("GET", server, "/api/beta/ln/request/\(requestID)", token: token)
            #expect(first.json?.string("request_type") == "message")
            #expect(first.json?.object("request_object")?.string("type") == "message")
            #expect(first.json?["replied"] as? Bool == false)

            let replied = try await HTTP.poll(server, token: token, requestID: requestID) {
                $0["replied"] as? Bool == true
            }
            #expect(replied.string("request_status") == "Completed_Success")

            // The conversation now holds the message sent and the reply, newest first.
            let list = try await HTTP.send("GET", server, "/api/beta/ln/messages?perpage=100", token: token)
            let rows = try #require(list.json?.objects("data"))
            let row = try #require(rows.first { $0.string("name") == "José García New" })
            let thread = try await HTTP.send(
                "POST", server, "/api/beta/ln/thread", token: token, json: ["thread": row.string("thread") ?? ""])
            let messages = try #require(thread.json?.objects("messages"))
            #expect(messages.map { $0.string("type") } == ["in", "out"])
            #expect(messages.last?.string("content") == "Hi \"José\",\nsecond line")
            #expect(messages.last?.string("name") == demo.fullname)
            #expect(thread.json?.objects("profiles")?.first?.string("linkedin") == "jos%C3%A9-garc%C3%ADa-new")
            #expect(row.string("last_message") == messages.first?.string("content"))
            #expect(row["read"] as? Bool == false)
        }
    }

    @Test func sendValidatesLikeLaravel() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let users = server.weConnect.users
            let demo = try #require(users.first)
            let other = try #require(users.dropFirst().first)
            let token = try await HTTP.login(server, demo)
            let account = try #require(demo.accounts.first).accountID
            func send(_ body: [String: Any]) async throws -> HTTPResult {
                try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: body)
            }

            let badType = try await send(["account_id": account, "linkedin": "george-orwell", "type": "poke"])
            #expect(badType.status == 422)
            #expect(badType.json?.string("message") == "The selected type is invalid.")
            #expect(badType.json?.object("errors")?["type"] as? [String] == ["The selected type is invalid."])

            let noMessage = try await send(["account_id": account, "linkedin": "george-orwell", "type": "message"])
            #expect(noMessage.status == 422)
            #expect(noMessage.json?.object("errors")?["message"] != nil)

            let notMine = try await send([
                "account_id": try #require(other.accounts.first).accountID, "linkedin": "george-orwell",
                "type": "visit",
            ])
            #expect(notMine.status == 422)
            #expect(notMine.json?.object("errors")?["account_id"] != nil)

            let empty = try await send([:])
            #expect(empty.status == 422)
            #expect(empty.json?.object("errors")?.keys.sorted() == ["account_id", "linkedin", "type"])
            #expect(empty.json?.string("message") == "The account id field is required. (and 2 more errors)")

            let longNote = try await send([
                "account_id": account, "linkedin": "george-orwell", "type": "connect",
                "message": String(repeating: "x", count: 301),
            ])
            #expect(longNote.status == 422)

            let stringID = try await send(["account_id": String(account), "linkedin": "george-orwell", "type": "like"])
            #expect(stringID.status == 200)
        }
    }

    @Test func unknownAndForeignRequestIDsAre404() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let users = server.weConnect.users
            let demo = try #require(users.first)
            let other = try #require(users.dropFirst().first)
            let token = try await HTTP.login(server, demo)
            let missing = try await HTTP.send(
                "GET", server, "/api/beta/ln/request/08e50e33-6d98-400a-a135-e55650706cfe", token: token)
            #expect(missing.status == 404)
            #expect(missing.json?.string("status") == "error")
            #expect(missing.json?.string("message") == "Request not found")
            let foreign = try #require(server.weConnect.actions.first { $0.userID == other.id })
            let notYours = try await HTTP.send(
                "GET", server, "/api/beta/ln/request/\(foreign.requestID)", token: token)
            #expect(notYours.status == 404)
        }
    }

    @Test func datasetActionsAreFinalAndRecentOnesSettleAfterStart() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(actionDelay: .milliseconds(300))) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let actions = server.weConnect.actions(ofUser: demo.id)
            let old = try #require(actions.first { $0.type == .message && $0.replied == true && !$0.settlesAfterStart })
            let oldBody = try await HTTP.send("GET", server, "/api/beta/ln/request/\(old.requestID)", token: token)
            #expect(oldBody.json?.string("request_status") == "Completed_Success")
            #expect(oldBody.json?["replied"] as? Bool == true)
            #expect(oldBody.json?.object("request_object")?.string("linkedin") == old.linkedin)

            let recent = try #require(actions.first { $0.settlesAfterStart })
            let settled = try await HTTP.poll(server, token: token, requestID: recent.requestID) {
                $0.string("request_status") != "Pending"
            }
            #expect(settled.string("request_status") == recent.finalStatus.rawValue)
        }
    }

    @Test func addedAccountsBelongToTheUser() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let body: [String: Any] = [
                "email": "new.account@example.com", "password": "my_ln_pw", "timezone": "GMT",
                "start": "10:00 PM", "end": "6:00 AM", "own_ip": false, "location": "us",
            ]
            let added = try await HTTP.send("POST", server, "/api/beta/ln/add", token: token, json: body)
            #expect(added.status == 200)
            let success = try #require(added.json?.object("success"))
            #expect(success.keys.sorted() == ["account_email", "account_id"])
            #expect(success.string("account_email") == "new.account@example.com")
            let accountID = try #require(success.int("account_id"))
            #expect(!server.weConnect.users.flatMap(\.accounts).contains { $0.accountID == accountID })

            let sent = try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: [
                "account_id": accountID, "linkedin": "george-orwell", "type": "visit",
            ])
            #expect(sent.status == 200)

            let again = try await HTTP.send("POST", server, "/api/beta/ln/add", token: token, json: body)
            #expect(again.status == 422)
            #expect(again.json?.object("errors")?["email"] != nil)
            var badTime = body
            badTime["email"] = "other.account@example.com"
            badTime["start"] = "22:00"
            let wrongFormat = try await HTTP.send("POST", server, "/api/beta/ln/add", token: token, json: badTime)
            #expect(wrongFormat.status == 422)
            #expect(wrongFormat.json?.object("errors")?["start"] != nil)
        }
    }

    @Test func requestIDsAreDeterministicPerSeed() async throws {
        var firsts: [String] = []
        for _ in 0..<2 {
            try await SandboxHTTP.withServer(HTTP.fast()) { server in
                let demo = try #require(server.weConnect.users.first)
                let token = try await HTTP.login(server, demo)
                let sent = try await HTTP.send("POST", server, "/api/beta/ln/send", token: token, json: [
                    "account_id": try #require(demo.accounts.first).accountID, "linkedin": "a-b", "type": "like",
                ])
                firsts.append(try #require(sent.json?.string("request_id")))
            }
        }
        #expect(firsts.count == 2)
        #expect(firsts.first == firsts.last)
    }
}
