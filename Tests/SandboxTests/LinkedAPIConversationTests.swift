import Foundation
import Sandbox
import Testing

/// `POST /account/conversations/poll`.
@Suite struct LinkedAPIConversationTests {
    typealias HTTP = LinkedAPIHTTP

    @Test func pollAnswersEachEntryInOrderWithMessagesAfterSince() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let data = server.linkedAPI
            let long = try #require(data.conversations.first { $0.messages.count >= 3 })
            let short = try #require(data.conversations.first { $0.messages.count == 1 })
            let since = isoText(long.messages[0].time)
            let member = try #require(data.members.first).personURL
            let entries: [[String: Any]] = [
                ["personUrl": long.personURL, "since": since, "type": "st"],
                ["personUrl": short.personURL, "type": "st"],
                ["personUrl": "https://www.linkedin.com/in/\(long.slug)/", "since": NSNull(), "type": "st"],
                ["personUrl": member, "type": "st"],
                ["personUrl": "https://www.linkedin.com/in/nobody-known-here", "type": "st"],
                ["personUrl": long.personURL, "type": "nv"],
            ]
            let result = try await HTTP.send("POST", server, "/account/conversations/poll", json: entries)
            #expect(result.status == 200)
            let body = try #require(result.json)
            #expect(body.keys.sorted() == ["result", "success"])
            #expect(body["success"] as? Bool == true)
            let answers = try #require(body.objects("result"))
            #expect(answers.count == entries.count)
            #expect(answers.map { $0.string("personUrl") } == entries.map { $0.string("personUrl") })
            #expect(answers.map { $0.keys.sorted() } == Array(repeating: ["messages", "personUrl", "since"], count: 6))
            #expect(answers[0].string("since") == since)
            #expect(answers[1]["since"] is NSNull)
            #expect(answers[2]["since"] is NSNull)

            func ids(_ answer: [String: Any]) -> [String] { (answer.objects("messages") ?? []).compactMap { $0.string("id") } }
            #expect(ids(answers[0]) == long.messages.dropFirst().map(\.id))
            #expect(ids(answers[1]) == short.messages.map(\.id))
            #expect(ids(answers[2]) == long.messages.map(\.id))
            #expect(ids(answers[3]).isEmpty && ids(answers[4]).isEmpty && ids(answers[5]).isEmpty)

            let first = try #require(answers[2].objects("messages")?.first)
            let message = long.messages[0]
            let expected: [String: Any] = [
                "id": message.id, "sender": message.sender.rawValue, "text": message.text,
                "time": isoText(message.time), "threadId": long.threadId,
            ]
            #expect(canonicalJSON(value: first) == canonicalJSON(value: expected))
            let times = (answers[2].objects("messages") ?? []).compactMap { $0.string("time") }
            #expect(times == times.sorted())
            #expect(Set((answers[2].objects("messages") ?? []).compactMap { $0.string("sender") }) == ["us", "them"])

            // `since` with an offset and a fraction means the same instant.
            let offset = try await HTTP.send("POST", server, "/account/conversations/poll", json: [
                ["personUrl": long.personURL, "since": isoText(long.messages[1].time, offsetHours: 2, fraction: true),
                 "type": "st"],
            ])
            #expect(ids(try #require(offset.json?.objects("result")?.first)) == long.messages.dropFirst(2).map(\.id))
        }
    }

    @Test func aMalformedPollIsRefused() async throws {
        try await SandboxHTTP.withServer(HTTP.fast()) { server in
            let entry: [String: Any] = ["personUrl": "https://www.linkedin.com/in/x", "type": "st"]
            let cases: [(Any?, Data?, String)] = [
                (entry, nil, "an object, not an array"),
                ([] as [Any], nil, "no entries"),
                (Array(repeating: entry, count: 101), nil, "101 entries"),
                (nil, Data("[{".utf8), "not JSON"),
                ([["personUrl": "https://www.linkedin.com/in/x"]], nil, "no type"),
                ([["personUrl": "https://www.linkedin.com/in/x", "type": "sn"]], nil, "unknown type"),
                ([["type": "st"]], nil, "no personUrl"),
                ([entry.merging(["since": "yesterday"]) { $1 }], nil, "since not ISO"),
                ([entry.merging(["since": 12345]) { $1 }], nil, "since a number"),
                (["not an object"], nil, "entry not an object"),
            ]
            for (json, body, what) in cases {
                let result = try await HTTP.send("POST", server, "/account/conversations/poll", json: json, body: body)
                #expect(result.status == 400, "\(what)")
                #expect(result.json?["success"] as? Bool == false, "\(what)")
                #expect(result.json?.object("error")?.string("type") == "invalidRequest", "\(what)")
            }
            let hundred = try await HTTP.send(
                "POST", server, "/account/conversations/poll", json: Array(repeating: entry, count: 100))
            #expect(hundred.status == 200)
            #expect(hundred.json?.objects("result")?.count == 100)
        }
    }
}
