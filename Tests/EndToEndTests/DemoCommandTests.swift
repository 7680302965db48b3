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
        "report_replies": "source,sender_id,thread_id,first_reply_at,reply_class,follow_ups_before_reply",
        "report_reply_quality": "source,sender_id,conversations,replied_conversations,auto_replies,genuine_replies,positive,negative,referral,neutral,genuine_response_rate,positive_reply_rate",
        "report_follow_up_steps": "source,sender_id,step,conversations_reaching_step,genuine_replies_after_step,reply_rate",
        "report_send_time": "source,weekday,hour,conversations_started,genuine_replies",
    ]
    static let replyViews = ["report_replies", "report_reply_quality", "report_follow_up_steps", "report_send_time"]

    @Test func demoWritesTheWarehouseAndEveryReport() async throws {
        let directory = try TemporaryDirectory("demo")
        defer { directory.remove() }
        let demo = try await DemoOutput.copy(to: directory.file("demo"))
        let result = demo.result
        #expect(result.status == 0, "\(result.stderr)")
        let out = demo.out.standardizedFileURL
        let printed = demo.ranIn.appendingPathComponent("out/index.html").standardizedFileURL.path
        #expect(result.stdout.split(separator: "\n").last.map(String.init) == printed)
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
        let first = try await DemoOutput.copy(to: directory.file("again"))
        let out = first.out
        let before = try Self.headers.keys.sorted().map { try Data(contentsOf: out.appendingPathComponent("\($0).csv")) }
        let second = try await CommandRunner().run(["demo", "--out", "out", "--quiet"], in: first.folder)
        #expect(second.status == 0, "\(second.stderr)")
        let after = try Self.headers.keys.sorted().map { try Data(contentsOf: out.appendingPathComponent("\($0).csv")) }
        #expect(before == after)
    }

    @Test func aRebuildWritesTheReplyViewsByteIdentical() async throws {
        let parent = try TemporaryDirectory("demo-replies")
        defer { parent.remove() }
        let directory = try await DemoOutput.copy(to: parent.file("demo"))
        let runner = try CommandRunner()
        let out = directory.out
        let before = try Self.replyViews.map { try Data(contentsOf: out.appendingPathComponent("\($0).csv")) }
        // Every class shows up in the demo.
        let classes = try String(contentsOf: out.appendingPathComponent("report_replies.csv"), encoding: .utf8)
            .split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst(4).first.map(String.init) }
        #expect(Set(classes) == ["auto_reply", "positive", "negative", "referral", "neutral"], "\(Set(classes))")
        try "[warehouse]\npath = \"out/warehouse.sqlite\"\n[reports]\ndir = \"again\"\nformats = [\"csv\"]\n"
            .write(to: directory.folder.appendingPathComponent("etl.toml"), atomically: true, encoding: .utf8)
        let rebuild = try await runner.run(["transform", "--config", "etl.toml", "--rebuild", "--quiet"], in: directory.folder)
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        let report = try await runner.run(["report", "--config", "etl.toml", "--quiet"], in: directory.folder)
        #expect(report.status == 0, "\(report.stderr)")
        let after = try Self.replyViews.map { try Data(contentsOf: directory.folder.appendingPathComponent("again/\($0).csv")) }
        #expect(before == after)
    }
}
