import Foundation
import TestSupport
import Testing
import Warehouse

/// `etl demo`, run as the built binary, writes every report of the contract.
@Suite struct DemoCommandTests {
    static let headers = [
        "report_sender_summary": "source,sender_id,sender_name,requests_sent,requests_accepted,acceptance_rate,messages_sent,messages_replied,response_rate",
        "report_campaign_summary": "source,campaign_id,campaign_name,campaign_type,campaign_status,sender_id,members,requests_sent,requests_accepted,acceptance_rate,messages_sent,messages_replied,response_rate",
        "report_daily_activity": "date,source,sender_id,campaign_id,requests_sent,requests_accepted,messages_sent,messages_replied",
        "report_request_outcomes": "source,sender_id,action_type,status,requests",
        "report_threads": "source,sender_id,thread_id,prospect_name,prospect_profile,first_outbound_at,first_reply_at,messages_in,messages_out,replied",
    ]

    @Test func demoWritesTheWarehouseAndEveryReport() async throws {
        let directory = try TemporaryDirectory("demo")
        defer { directory.remove() }
        let result = try await CommandRunner().run(["demo", "--out", "out", "--quiet"], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        let out = directory.url.appendingPathComponent("out").standardizedFileURL
        #expect(result.stdout.split(separator: "\n").last.map(String.init) == out.appendingPathComponent("index.html").path)
        for file in ["warehouse.sqlite", "report.xlsx", "index.html"] + Self.headers.keys.map({ "\($0).csv" }) {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        for (view, header) in Self.headers {
            let csv = try String(contentsOf: out.appendingPathComponent("\(view).csv"), encoding: .utf8)
            #expect(csv.hasPrefix(header + "\r\n"), "\(view).csv header")
        }
        let campaigns = try String(contentsOf: out.appendingPathComponent("report_campaign_summary.csv"), encoding: .utf8)
        #expect(campaigns.contains("demo-konnector"))
        // Every kind of source, side by side in one sender summary.
        let senders = try String(contentsOf: out.appendingPathComponent("report_sender_summary.csv"), encoding: .utf8)
        let sources = Set(senders.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        #expect(sources == ["demo-konnector", "demo-weconnect", "demo-welink", "demo-linkedapi", "demo-linkedin-mobile"])
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"), "vendor strings are escaped")
        let warehouse = try Warehouse(url: out.appendingPathComponent("warehouse.sqlite"))
        let people = try await warehouse.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_prospects") ?? 0
        }
        #expect(html.contains("\(people) people were reached, each counted once"), "the report counts each person once")
        #expect(!html.contains("http://") && !html.contains("https://") || !html.contains("src=\"http"))
    }

    @Test func demoRerunWritesByteIdenticalCSV() async throws {
        let directory = try TemporaryDirectory("demo-rerun")
        defer { directory.remove() }
        let runner = try CommandRunner()
        let first = try await runner.run(["demo", "--out", "out", "--quiet"], in: directory.url)
        #expect(first.status == 0, "\(first.stderr)")
        let out = directory.url.appendingPathComponent("out")
        let before = try Self.headers.keys.sorted().map { try Data(contentsOf: out.appendingPathComponent("\($0).csv")) }
        let second = try await runner.run(["demo", "--out", "out", "--quiet"], in: directory.url)
        #expect(second.status == 0, "\(second.stderr)")
        let after = try Self.headers.keys.sorted().map { try Data(contentsOf: out.appendingPathComponent("\($0).csv")) }
        #expect(before == after)
    }
}
