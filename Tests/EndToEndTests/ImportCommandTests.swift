import Foundation
import Sandbox
import TestSupport
import Testing
import Warehouse

/// `etl import`, run as the built binary, on files in the LinkedIn mobile format.
@Suite struct ImportCommandTests {
    private func setUp(_ directory: TemporaryDirectory) throws -> (mailbox: JSONValue, connections: JSONValue) {
        try """
        [warehouse]
        path = "warehouse.sqlite"

        [[sources]]
        name = "acme-konnector"
        kind = "konnector"
        base_url = "https://dev-api.konnector.ai/social_app/api/v1/third_party"
        api_key_env = "UNUSED_KEY"
        """.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        let people = (0..<12).map { SandboxPerson(slug: "person-\($0)", name: "Person \($0)") }
        let files = LinkedInMobileGenerator(people: people).make()
        try files.mailbox.write(to: directory.file("mailbox.json"))
        // A connection the owner never invited nor wrote to is no prospect of this outreach.
        var connections = String(decoding: files.connections, as: UTF8.self)
        connections = connections.replacingOccurrences(of: #""values":["#, with: #""values":[{"id":"999","formattedName":"Old Friend"},"#)
        try Data(connections.utf8).write(to: directory.file("connections.json"))
        return (try JSONValue.parse(files.mailbox), try JSONValue.parse(Data(connections.utf8)))
    }

    @Test func importsMailboxAndConnectionsIntoTheFactsOnce() async throws {
        let directory = try TemporaryDirectory("import")
        defer { directory.remove() }
        let (mailbox, connections) = try setUp(directory)
        let runner = try CommandRunner()
        for file in ["mailbox.json", "connections.json"] {
            let result = try await runner.run(["import", "--config", "etl.toml", "--source", "phone", "--file", file, "--quiet"],
                                              in: directory.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("imported"))
        }
        let again = try await runner.run(["import", "--config", "etl.toml", "--source", "phone", "--file", "mailbox.json", "--quiet"],
                                         in: directory.url)
        #expect(again.status == 0 && again.stdout.contains("nothing changed"), "\(again.stdout)")
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        let row = try #require(try warehouse.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM report_sender_summary WHERE source = 'phone'")
        })
        let messages = mailbox.at("messages", "values")?.array ?? []
        let sent = messages.filter { $0["folder"]?.string == "sent" }
        let invited = Set((mailbox.at("invitations", "values")?.array ?? []).compactMap { $0["to"]?[0]?["id"]?.string })
        let connected = Set((connections["values"]?.array ?? []).compactMap { $0["id"]?.string })
        let repliedTo = Set(messages.filter { $0["folder"]?.string == "inbox" }.compactMap { $0.at("from", "id")?.string })
        #expect(row["sender_id"] as String? == LinkedInMobileGenerator.ownerID)
        #expect(row["requests_sent"] as Int? == invited.count)
        #expect(row["requests_accepted"] as Int? == invited.intersection(connected).count)
        #expect(row["messages_sent"] as Int? == Set(sent.compactMap { $0["to"]?[0]?["id"]?.string }).count)
        #expect(row["messages_replied"] as Int? == repliedTo.count)
        let pages = try await warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_page") ?? 0 }
        #expect(pages == 2, "the same file imported twice is landed once")
        let profiles = try await warehouse.pool.read { db in
            try String.fetchAll(db, sql: "SELECT prospect_profile FROM report_threads WHERE source = 'phone'")
        }
        #expect(profiles.allSatisfy { $0.hasPrefix("https://www.linkedin.com/in/person-") })
        let (prospects, datedAccepts) = try await warehouse.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_prospects") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(requests_accepted), 0) FROM report_daily_activity WHERE source = 'phone'") ?? 0)
        }
        #expect(prospects == invited.union(Set(sent.compactMap { $0["to"]?[0]?["id"]?.string })).count)
        #expect(datedAccepts == 0, "a connections list says who accepted, not when: no day gets those acceptances")
    }

    @Test func aFileOfAnotherShapeIsAOneLineUsageError() async throws {
        let directory = try TemporaryDirectory("import-bad")
        defer { directory.remove() }
        _ = try setUp(directory)
        try Data(#"{"profile":{"person":{}}}"#.utf8).write(to: directory.file("you.json"))
        let result = try await CommandRunner().run(["import", "--config", "etl.toml", "--source", "phone", "--file", "you.json"],
                                                   in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("you.json") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        let taken = try await CommandRunner().run(["import", "--config", "etl.toml", "--source", "acme-konnector", "--file", "mailbox.json"],
                                                  in: directory.url)
        #expect(taken.status == 2, "a configured API source's name is not an import's")
        let split = try await CommandRunner().run(["import", "--config", "etl.toml", "--source", "pho\nne", "--file", "mailbox.json"],
                                                  in: directory.url)
        #expect(split.status == 2 && split.stderr.split(separator: "\n").count == 1, "a name that would split log lines: \(split.stderr)")
        #expect(split.stderr.contains(#"name "pho\nne" has the character"#), "\(split.stderr)")
    }
}
