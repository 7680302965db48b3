import Foundation
import Sandbox
import Testing

@Suite struct WeLinkThreadsTests {
    typealias HTTP = WeLinkHTTP

    /// Every page of `personal_message_threads` for `account`, `limit` threads at a time.
    private func pages(_ server: SandboxServer, account: String, limit: Int) async throws -> [[[String: Any]]] {
        var pages: [[[String: Any]]] = []
        var cursor: String?
        repeat {
            var body: [String: Any] = ["accountId": account, "limit": limit]
            if let cursor { body["cursor"] = cursor }
            let done = try await HTTP.poll(server, try await HTTP.submit(server, "personal_message_threads", body))
            let result = try #require(done.object("result"))
            #expect(result.keys.sorted() == ["accountId", "next_cursor", "threads"])
            #expect(result.string("accountId") == account)
            let threads = try #require(result.objects("threads"))
            pages.append(threads)
            cursor = result.string("next_cursor")
            if cursor == nil { #expect(result["next_cursor"] is NSNull) }
            #expect(pages.count < 50)
        } while cursor != nil
        return pages
    }

    @Test func pagesCoverEveryThreadOnceNewestFirst() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(processing: .milliseconds(100), reply: .milliseconds(100))) { server in
            // Let the dataset's recent requests settle first, so no thread moves while paging.
            await server.advanceTime(by: .milliseconds(600))
            for account in server.weLink.accounts {
                let expected = server.weLink.threads(ofAccount: account.id)
                #expect(expected.count >= 8)
                let pages = try await pages(server, account: account.id, limit: 3)
                #expect(pages.dropLast().allSatisfy { $0.count == 3 })
                #expect(pages.count == (expected.count + 2) / 3)
                let threads = pages.flatMap { $0 }
                let ids = threads.compactMap { $0.string("thread_id") }
                #expect(ids.count == threads.count)
                #expect(Set(ids) == Set(expected.map(\.threadID)))
                #expect(Set(ids).count == ids.count)
                let keys = threads.map { ($0.string("last_activity_at") ?? "", $0.string("thread_id") ?? "") }
                #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) })
                let first = try #require(threads.first)
                #expect(first.keys.sorted() == [
                    "created_at", "full_name", "last_activity_at", "last_message_at", "profile_id", "profile_url",
                    "thread_id", "unread_count",
                ])
                // Threads the recent requests did not touch read as in the dataset.
                for thread in threads {
                    guard let known = expected.first(where: { $0.threadID == thread.string("thread_id") }) else { continue }
                    #expect(thread.string("profile_id") == known.profileID)
                    #expect(thread.string("full_name") == known.fullName)
                    #expect(thread.string("created_at") == HTTP.iso(known.createdAt))
                    #expect(thread.string("profile_url") == known.profileURL)
                }
            }
            // One page with the default limit holds them all (at most 20 at scale 1).
            let account = try #require(server.weLink.accounts.first).id
            let whole = try await pages(server, account: account, limit: 20)
            #expect(whole.count == 1)
        }
    }

    @Test func aSentMessageMakesAThreadAndBadParametersAre400() async throws {
        try await SandboxHTTP.withServer(HTTP.fast(processing: .milliseconds(100))) { server in
            let account = try #require(server.weLink.accounts.first).id
            let url = try HTTP.stranger(server, replies: false)
            let sent = try await HTTP.poll(server, try await HTTP.submit(
                server, "send_message", ["accountId": account, "profile_url": url, "message": "New thread"]))
            #expect(sent.string("status") == "SUCCESS")
            let listed = try await HTTP.poll(server, try await HTTP.submit(
                server, "personal_message_threads", ["accountId": account, "limit": 100]))
            let threads = try #require(listed.object("result")?.objects("threads"))
            #expect(threads.count == server.weLink.threads(ofAccount: account).count + 1)
            let thread = try #require(threads.first { $0.string("profile_id") == WeLinkProfileURL.slug(from: url) })
            #expect(thread.string("profile_url") == url)
            #expect(thread.string("full_name")?.hasPrefix("Welink Test Stranger ") == true)
            #expect(thread.string("created_at") == sent.object("result")?.string("sent_at"))
            #expect(thread.string("last_message_at") == sent.object("result")?.string("sent_at"))
            #expect(thread.int("unread_count") == 0)
            // Newest first: nothing is newer than the message just sent.
            let newest = try #require(threads.first?.string("last_activity_at"))
            #expect(thread.string("last_activity_at") == newest)

            for bad: [String: Any] in [["limit": 0], ["limit": 101], ["limit": "many"], ["cursor": "%%%"]] {
                let answer = try await HTTP.post(
                    server, "personal_message_threads", json: bad.merging(["accountId": account]) { $1 })
                #expect(answer.status == 400, "\(bad)")
                #expect(answer.json?.string("status") == "INVALID_REQUEST")
            }
        }
    }
}
