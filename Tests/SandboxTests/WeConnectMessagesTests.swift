import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Sandbox

@Suite struct WeConnectMessagesTests {
    typealias HTTP = WeConnectHTTP

    /// A server whose pre-existing "recent" actions cannot settle during the test.
    static let frozen = SandboxConfiguration(weConnectActionDelay: .seconds(3_600))

    @Test func messagesPagesCoverEveryThreadOnceNewestFirst() async throws {
        try await SandboxHTTP.withServer(Self.frozen) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let mine = server.weConnect.threads(ofUser: demo.id)
            #expect(mine.count > 10)
            let byID = Dictionary(uniqueKeysWithValues: mine.map { ($0.id, $0) })

            var seen: [String] = []
            var page = 1
            while true {
                let result = try await HTTP.send("GET", server, "/api/beta/ln/messages?page=\(page)&perpage=7", token: token)
                #expect(result.status == 200)
                let meta = try #require(result.json?.object("meta"))
                #expect(meta.keys.sorted() == ["page", "pages", "perpage", "total"])
                #expect(meta.int("page") == page)
                #expect(meta.int("perpage") == 7)
                #expect(meta.int("total") == mine.count)
                #expect(meta.int("pages") == (mine.count + 6) / 7)
                let rows = try #require(result.json?.objects("data"))
                for row in rows {
                    #expect(row.keys.sorted() == [
                        "img", "job", "last_message", "name", "read", "thread", "thread_type", "time", "time_stamp",
                    ])
                    let thread = try #require(byID[row.string("thread") ?? ""])
                    let last = try #require(thread.lastMessage)
                    #expect(row.string("name") == thread.profile.name)
                    #expect(row.string("job") == thread.profile.job)
                    #expect(row.string("last_message") == last.content)
                    #expect(row["read"] as? Bool == thread.read)
                    #expect(row.string("thread_type") == "linkedin")
                    #expect(row.string("time_stamp") == HTTP.zoneless(last.epoch, offsetHours: 2))
                    #expect(row.string("time")?.hasSuffix(" ago") == true)
                    seen.append(thread.id)
                }
                if page >= (meta.int("pages") ?? 0) { break }
                #expect(rows.count == 7)
                page += 1
            }
            #expect(seen.count == mine.count)
            #expect(Set(seen) == Set(byID.keys))
            let epochs = seen.compactMap { byID[$0]?.lastMessage?.epoch }
            #expect(epochs == epochs.sorted(by: >))

            let defaults = try await HTTP.send("GET", server, "/api/beta/ln/messages", token: token)
            #expect(defaults.json?.object("meta")?.int("perpage") == 10)
            #expect(defaults.json?.object("meta")?.int("page") == 1)
            #expect(defaults.json?.objects("data")?.count == 10)
            let past = try await HTTP.send("GET", server, "/api/beta/ln/messages?page=99", token: token)
            #expect(past.json?.objects("data")?.isEmpty == true)
            #expect(past.json?.object("meta")?.int("page") == 99)

            // The other user sees only their own threads.
            let other = try #require(server.weConnect.users.dropFirst().first)
            let otherToken = try await HTTP.login(server, other)
            let theirs = try await HTTP.send("GET", server, "/api/beta/ln/messages?perpage=100", token: otherToken)
            let theirIDs = Set(theirs.json?.objects("data")?.compactMap { $0.string("thread") } ?? [])
            #expect(theirIDs == Set(server.weConnect.threads(ofUser: other.id).map(\.id)))
        }
    }

    @Test func threadAnswersEveryDocumentedKeyNewestFirst() async throws {
        try await SandboxHTTP.withServer(Self.frozen) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            let thread = try #require(
                server.weConnect.threads(ofUser: demo.id).max { $0.messages.count < $1.messages.count })
            #expect(thread.messages.count >= 4)
            let result = try await HTTP.send("POST", server, "/api/beta/ln/thread", token: token, json: ["thread": thread.id])
            #expect(result.status == 200)
            #expect(result.json?.keys.sorted() == ["messages", "profiles"])
            let profiles = try #require(result.json?.objects("profiles"))
            #expect(profiles.count == 1)
            let profile = try #require(profiles.first)
            #expect(profile.keys.sorted() == [
                "address", "company", "first_name", "img", "job", "last_name", "linkedin", "location", "middle_name",
                "name", "phone", "present_company", "profile_type", "read", "summary", "thread", "thread_type",
                "title", "twitter", "website",
            ])
            #expect(profile.string("name") == thread.profile.name)
            #expect(profile.string("linkedin") == thread.profile.linkedin)
            #expect(profile.string("thread") == thread.id)
            #expect(profile.string("profile_type") == "linkedin")

            let messages = try #require(result.json?.objects("messages"))
            #expect(messages.count == thread.messages.count)
            for (row, message) in zip(messages, thread.messages.reversed()) {
                #expect(row.keys.sorted() == ["content", "date_time", "name", "time", "timestamp", "type"])
                #expect(row.string("type") == message.direction.rawValue)
                #expect(row.string("name") == message.senderName)
                #expect(row.string("content") == message.content)
                #expect(row.int("timestamp") == Int(message.epoch))
                #expect(row.string("date_time") == HTTP.zoneless(message.epoch, offsetHours: 2))
                #expect(row.string("date_time") != HTTP.zoneless(message.epoch, offsetHours: 0))
            }
            let stamps = messages.compactMap { $0.int("timestamp") }
            #expect(stamps == stamps.sorted(by: >))
        }
    }

    @Test func threadErrors() async throws {
        try await SandboxHTTP.withServer(Self.frozen) { server in
            let users = server.weConnect.users
            let demo = try #require(users.first)
            let token = try await HTTP.login(server, demo)
            let unknown = try await HTTP.send("POST", server, "/api/beta/ln/thread", token: token, json: ["thread": "2-nope=="])
            #expect(unknown.status == 404)
            let foreign = try #require(server.weConnect.threads.first { $0.userID != demo.id })
            let notMine = try await HTTP.send("POST", server, "/api/beta/ln/thread", token: token, json: ["thread": foreign.id])
            #expect(notMine.status == 404)
            let missing = try await HTTP.send("POST", server, "/api/beta/ln/thread", token: token, json: [:])
            #expect(missing.status == 422)
            #expect(missing.json?.object("errors")?["thread"] != nil)
        }
    }

    @Test func appendMessageChangesOnlyThatThread() async throws {
        try await SandboxHTTP.withServer(Self.frozen) { server in
            let demo = try #require(server.weConnect.users.first)
            let token = try await HTTP.login(server, demo)
            func listing() async throws -> [[String: Any]] {
                try #require(try await HTTP.send(
                    "GET", server, "/api/beta/ln/messages?perpage=100", token: token).json?.objects("data"))
            }
            let before = try await listing()
            let oldest = try #require(before.last?.string("thread"))
            let epoch = Int64(server.configuration.clock.epochSeconds()) - 60
            #expect(await server.appendMessage(
                threadID: oldest, direction: .inbound, content: "=1+2, \"new\"\n<b>reply</b>", epoch: epoch))
            #expect(await server.appendMessage(threadID: "2-missing==", direction: .inbound, content: "x") == false)

            let after = try await listing()
            #expect(after.count == before.count)
            let top = try #require(after.first)
            #expect(top.string("thread") == oldest)
            #expect(top.string("last_message") == "=1+2, \"new\"\n<b>reply</b>")
            #expect(top.string("time_stamp") == HTTP.zoneless(epoch, offsetHours: 2))
            #expect(top.string("time") == "1 minute ago")
            #expect(top["read"] as? Bool == false)
            func key(_ row: [String: Any]) -> String {
                [row.string("thread"), row.string("last_message"), row.string("time_stamp")]
                    .map { $0 ?? "" }.joined(separator: "|")
            }
            let unchangedBefore = Set(before.filter { $0.string("thread") != oldest }.map(key))
            let unchangedAfter = Set(after.filter { $0.string("thread") != oldest }.map(key))
            #expect(unchangedBefore == unchangedAfter)

            let thread = try await HTTP.send("POST", server, "/api/beta/ln/thread", token: token, json: ["thread": oldest])
            let newest = try #require(thread.json?.objects("messages")?.first)
            #expect(newest.string("type") == "in")
            #expect(newest.int("timestamp") == Int(epoch))
        }
    }
}
