import Foundation
import Sandbox
import TestSupport
import Testing

/// `etl run`, `transform --rebuild` and `report` through the built binary against the sandbox.
@Suite struct RunCommandTests {
    private func config(_ base: URL, sources: String) -> String {
        """
        [warehouse]
        path = "warehouse.sqlite"

        [reports]
        dir = "reports"
        formats = ["csv", "xlsx", "html"]

        \(sources)
        """
    }

    private func source(_ name: String, _ base: URL, keyEnv: String) -> String {
        """
        [[sources]]
        name = "\(name)"
        kind = "konnector"
        base_url = "\(base.absoluteString)"
        api_key_env = "\(keyEnv)"
        schedule = "daily"
        lookback_days = 14

        """
    }

    @Test func oneFailingSourceDoesNotStopTheOthers() async throws {
        try await SandboxServer.with(SandboxConfiguration(endDate: "2026-11-20")) { server in
            let directory = try TemporaryDirectory("run")
            defer { directory.remove() }
            let base = server.konnectorBaseURL
            try config(base, sources: source("good", base, keyEnv: "GOOD_KEY") + source("bad", base, keyEnv: "BAD_KEY"))
                .write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
            let badKey = "not-the-key-7d1e"
            let result = try await CommandRunner().run(["run", "--config", "etl.toml", "--quiet"], in: directory.url,
                                                 environment: ["GOOD_KEY": server.configuration.apiKey, "BAD_KEY": badKey])
            await server.stop()
            #expect(result.status == 1)
            let errorLines = result.stderr.split(separator: "\n")
            #expect(errorLines.contains { $0.contains("bad: user-campaign-filters: HTTP 401") })
            #expect(!result.stderr.contains(badKey) && !result.stderr.contains(server.configuration.apiKey))
            let campaigns = try String(contentsOf: directory.file("reports/report_campaign_summary.csv"), encoding: .utf8)
            #expect(campaigns.contains("\ngood,"))
            #expect(!campaigns.contains("\nbad,"))
            let html = try String(contentsOf: directory.file("reports/index.html"), encoding: .utf8)
            #expect(html.contains("bad"))
            #expect(html.contains("HTTP 401"))
        }
    }

    @Test func rebuildAndReportReproduceTheRunsFilesWithoutTheNetwork() async throws {
        try await SandboxServer.with(SandboxConfiguration(endDate: "2026-11-20")) { server in
            let directory = try TemporaryDirectory("rebuild")
            defer { directory.remove() }
            let base = server.konnectorBaseURL
            try config(base, sources: source("acme", base, keyEnv: "KEY"))
                .write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
            let runner = try CommandRunner()
            let environment = ["KEY": server.configuration.apiKey]
            let run = try await runner.run(["run", "--config", "etl.toml", "--quiet"], in: directory.url, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasSuffix("reports/index.html\n"))
            let views = ["report_sender_summary", "report_campaign_summary", "report_daily_activity"]
            let before = try views.map { try Data(contentsOf: directory.file("reports/\($0).csv")) }
            let wal = (try? FileManager.default.attributesOfItem(atPath: directory.file("warehouse.sqlite-wal").path))?[.size] as? Int
            #expect((wal ?? 0) == 0, "the run ends with everything in warehouse.sqlite itself")
            await server.stop()
            let rebuild = try await runner.run(["transform", "--config", "etl.toml", "--rebuild", "--quiet"], in: directory.url)
            #expect(rebuild.status == 0, "\(rebuild.stderr)")
            let report = try await runner.run(["report", "--config", "etl.toml", "--quiet"], in: directory.url)
            #expect(report.status == 0, "\(report.stderr)")
            let after = try views.map { try Data(contentsOf: directory.file("reports/\($0).csv")) }
            #expect(before == after)

            let withMark = try await runner.run(["report", "--config", "etl.toml", "--csv-bom", "--quiet"], in: directory.url)
            #expect(withMark.status == 0, "\(withMark.stderr)")
            let marked = try views.map { try Data(contentsOf: directory.file("reports/\($0).csv")) }
            #expect(marked.allSatisfy { Array($0.prefix(3)) == [0xEF, 0xBB, 0xBF] }, "--csv-bom starts each CSV with the UTF-8 mark")
            #expect(marked.map { $0.dropFirst(3) } == before.map { $0[...] }, "and changes nothing else")
        }
    }

    @Test(arguments: [
        (["run", "--config", "missing.toml"], "missing.toml"),
        (["run", "--config", "broken.toml"], "line 2"),
        (["run", "--config", "etl.toml", "--source", "nope"], "no source named \"nope\""),
        (["run", "--config", "etl.toml", "--since", "2025-13-01"], "--since"),
        (["frobnicate"], "frobnicate"),
        (["run", "--config", "etl.toml"], "etl: source \"acme\": the environment variable K (api_key_env) is not set"),
        (["extract", "--config", "etl.toml"], "etl: source \"acme\": the environment variable K (api_key_env) is not set"),
        (["run", "--due", "--quiet", "--config", "etl.toml"], "etl: source \"acme\": the environment variable K (api_key_env) is not set"),
    ])
    func usageAndConfigurationErrorsExit2WithOneLine(arguments: [String], mention: String) async throws {
        let directory = try TemporaryDirectory("usage")
        defer { directory.remove() }
        try "[warehouse]\npath = \n".write(to: directory.file("broken.toml"), atomically: true, encoding: .utf8)
        try config(URL(string: "http://127.0.0.1:9")!, sources: source("acme", URL(string: "http://127.0.0.1:9")!, keyEnv: "K"))
            .write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        // The configuration names K for the source's key; it is never set here.
        let result = try await CommandRunner().run(arguments, in: directory.url, environment: ["K": ""])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }
}

extension RunCommandTests {
    @Test(arguments: ["transform", "report", "extract"])
    func aWarehouseDirectoryThatCannotBeWrittenIsNotReportedAsBusy(command: String) async throws {
        let directory = try TemporaryDirectory("lock-readonly")
        defer { directory.remove() }
        let base = try #require(URL(string: "http://127.0.0.1:9"))
        try config(base, sources: source("acme", base, keyEnv: "K"))
            .replacingOccurrences(of: "path = \"warehouse.sqlite\"", with: "path = \"data/warehouse.sqlite\"")
            .write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.file("data"), withIntermediateDirectories: false)
        let readOnly = try ReadOnlyDirectory(directory.file("data"))
        defer { readOnly.restore() }
        try #require(readOnly.refusesNewFiles, "the test needs a directory it cannot write")
        let result = try await CommandRunner().run([command, "--config", "etl.toml"], in: directory.url, environment: ["K": "some-key-value"])
        #expect(result.status == 1)
        let lock = directory.file("data").path + "/warehouse.sqlite.lock"
        #expect(result.stderr.hasPrefix("etl: cannot create the run lock \(lock): "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(": Permission denied\n") || result.stderr.hasSuffix(": Operation not permitted\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("another etl run"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}

/// `etl track` through the built binary.
@Suite struct TrackCommandTests {
    @Test func registersIdsOnceAndRefusesSourcesThatCannotFollowThem() async throws {
        let directory = try TemporaryDirectory("track")
        defer { directory.remove() }
        try """
            [warehouse]
            path = "warehouse.sqlite"

            [[sources]]
            name = "wc"
            kind = "weconnect"
            base_url = "http://127.0.0.1:9"
            email_env = "E"
            password_env = "P"

            [[sources]]
            name = "k"
            kind = "konnector"
            base_url = "http://127.0.0.1:9"
            api_key_env = "K"
            """.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        try "request_id,note\nr-1,first\nr-2,\"second, with comma\"\n".write(to: directory.file("ids.csv"), atomically: true, encoding: .utf8)
        let runner = try CommandRunner()
        let first = try await runner.run(["track", "--config", "etl.toml", "--source", "wc", "--file", "ids.csv"], in: directory.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 request ids registered, 0 already followed"))
        let again = try await runner.run(["track", "--config", "etl.toml", "--source", "wc", "--file", "ids.csv"], in: directory.url)
        #expect(again.stdout.contains("0 request ids registered, 2 already followed"))
        let wrong = try await runner.run(["track", "--config", "etl.toml", "--source", "k", "--file", "ids.csv"], in: directory.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("only weconnect, welink, linkedapi sources follow request ids"))
    }
}
