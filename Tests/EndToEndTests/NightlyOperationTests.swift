import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Unattended operation through the built binary: a lock against a second run, crash safety under
/// `kill -9`, one failing source not stopping the others, and a live progress line on a terminal.
@Suite(.timeLimit(.minutes(5))) struct NightlyOperationTests {
    private func writeConfig(_ server: SandboxServer, in directory: TemporaryDirectory, sources: [String] = ["acme"],
                             formats: [String]? = nil) throws {
        var text = "[warehouse]\npath = \"warehouse.sqlite\"\n\n[reports]\ndir = \"reports\"\n"
        if let formats { text += "formats = [" + formats.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n" }
        for name in sources {
            text += """

                [[sources]]
                name = "\(name)"
                kind = "konnector"
                base_url = "\(server.konnectorBaseURL.absoluteString)"
                api_key_env = "KEY"
                page_size = 5

                """
        }
        text += """

            [[sources]]
            name = "wc"
            kind = "weconnect"
            base_url = "\(server.weConnectBaseURL.absoluteString)"
            email_env = "WC_EMAIL"
            password_env = "WC_PASSWORD"

            """
        try text.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
    }

    private func environment(_ server: SandboxServer) -> [String: String] {
        let user = server.weConnect.users[0]
        return ["KEY": server.configuration.apiKey, "WC_EMAIL": user.email, "WC_PASSWORD": user.password]
    }

    private func csvFiles(_ directory: TemporaryDirectory) throws -> [Data] {
        try ReportingViews.contractViews.map { try Data(contentsOf: directory.file("reports/\($0).csv")) }
    }

    @Test func aSecondRunRefusesWhileOneHoldsTheWarehouse() async throws {
        try await SandboxServer.with(WeConnectFixture.stillConfiguration) { server in
            let directory = try TemporaryDirectory("lock")
            defer { directory.remove() }
            try writeConfig(server, in: directory)
            let lock = try WarehouseLock(warehouse: directory.file("warehouse.sqlite"))
            let refused = try await CommandRunner().run(["run", "--config", "etl.toml"], in: directory.url, environment: environment(server))
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("another etl run is using this warehouse (pid \(getpid())"), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
            #expect(await server.requests().isEmpty)
            lock.release()
            let ran = try await CommandRunner().run(["run", "--config", "etl.toml", "--quiet"], in: directory.url, environment: environment(server))
            #expect(ran.status == 0, "\(ran.stderr)")
        }
    }

    @Test func killedAtAnyMomentThenRerunGivesTheSameReportsAsAnUninterruptedRun() async throws {
        var configuration = WeConnectFixture.stillConfiguration
        configuration.perMinuteLimit = 100_000  // nine runs share one key; the minute limit is not under test here
        try await SandboxServer.with(configuration) { server in
            let runner = try CommandRunner()
            let clean = try TemporaryDirectory("clean")
            defer { clean.remove() }
            try writeConfig(server, in: clean, formats: ["csv"])  // the CSVs are what is compared
            let cleanRun = try await runner.run(["run", "--config", "etl.toml", "--quiet"], in: clean.url, environment: environment(server))
            #expect(cleanRun.status == 0, "\(cleanRun.stderr)")
            let expected = try csvFiles(clean)
            let requestsPerRun = await server.requests().count

            // Killed as the vendor answers its first request, a third of them, two thirds, and the last (the run is
            // then transforming and writing reports).
            for share in [0, 1, 2, 3] {
                let point = max(1, requestsPerRun * share / 3)
                let directory = try TemporaryDirectory("crash")
                defer { directory.remove() }
                try writeConfig(server, in: directory, formats: ["csv"])
                let before = await server.requests().count
                let process = try runner.start(["run", "--config", "etl.toml", "--quiet"], in: directory.url, environment: environment(server))
                await server.requestsAnswered(atLeast: before + point)
                kill(process.processIdentifier, SIGKILL)
                _ = await CommandRunner.wait(for: process)
                let rerun = try await runner.run(["run", "--config", "etl.toml", "--quiet"], in: directory.url, environment: environment(server))
                #expect(rerun.status == 0, "after a kill at request \(point) of \(requestsPerRun): \(rerun.stderr)")
                #expect(try csvFiles(directory) == expected, "after a kill at request \(point) of \(requestsPerRun)")
            }
        }
    }

    @Test(arguments: [
        ("storm", 503, "{\"code\":503,\"status\":false,\"message\":\"down\",\"data\":{}}", "retries exhausted, HTTP 503"),
        ("malformed", 200, "{\"code\":200,\"data\":{\"linkedin_users\":[{\"linkedin_user_information_id\":", "malformed response"),
    ])
    func oneFailingSourceLeavesTheOthersLoadedAndNamesItself(kind: String, status: Int, body: String, cause: String) async throws {
        try await SandboxServer.with(WeConnectFixture.stillConfiguration) { server in
            let directory = try TemporaryDirectory("partial-\(kind)")
            defer { directory.remove() }
            try writeConfig(server, in: directory)
            let good = try await CommandRunner().run(["run", "--config", "etl.toml", "--quiet"], in: directory.url,
                                                     environment: environment(server))
            #expect(good.status == 0, "\(good.stderr)")
            await server.injectFault(pathSuffix: "/user-campaign-filters", status: status, body: body, times: 50)
            let result = try await CommandRunner().run(["run", "--config", "etl.toml", "--quiet"], in: directory.url,
                                                       environment: environment(server))
            #expect(result.status == 1)
            #expect(result.stderr.contains("acme: user-campaign-filters: "), "\(result.stderr)")
            #expect(result.stderr.contains(cause), "\(result.stderr)")
            let threads = try String(contentsOf: directory.file("reports/report_threads.csv"), encoding: .utf8)
            #expect(threads.contains("\nwc,"), "the other source is loaded")
            let html = try String(contentsOf: directory.file("reports/index.html"), encoding: .utf8)
            #expect(html.contains("acme"))
            #expect(html.contains(cause))
            #expect(html.range(of: #"Figures show its last good data, from \d{4}-\d\d-\d\dT"#, options: .regularExpression) != nil,
                    "the banner says when the stale source's data was last good")
            let campaigns = try String(contentsOf: directory.file("reports/report_campaign_summary.csv"), encoding: .utf8)
            #expect(campaigns.contains("\nacme,"), "the stale source's last good data is still reported")
        }
    }

    @Test func aTerminalGetsALiveProgressLineAndCronGetsTimestampedLines() async throws {
        let directory = try TemporaryDirectory("progress")
        defer { directory.remove() }
        let etl = try CommandRunner().executable.path
        let script = try await CommandRunner.shell("script -qefc '\(etl) demo --out out' /dev/null", in: directory.url)
        #expect(script.contains("\r\u{1B}[2K"), "the line is redrawn in place")
        #expect(script.contains("demo-konnector: ") && script.contains(" pages, "))
        let plain = try await CommandRunner().run(["demo", "--out", "out2"], in: directory.url)
        #expect(!plain.stderr.contains("\r"))
        let line = try #require(plain.stderr.split(separator: "\n").first)
        #expect(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"#, options: .regularExpression) != nil, "\(line)")
    }
}
