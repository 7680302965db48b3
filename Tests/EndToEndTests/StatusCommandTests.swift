import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// `etl status` and `etl run --due` through the built binary.
@Suite struct StatusCommandTests {
    private let titles = ["Last runs", "Sources", "Bookmarks", "API budget", "Data-quality warnings"]

    private func config(base: URL, schedule: String) -> String {
        """
        [warehouse]
        path = "warehouse.sqlite"

        [reports]
        dir = "reports"
        formats = ["csv"]

        [schedule]
        zone = "Europe/Berlin"

        [[sources]]
        name = "acme"
        kind = "konnector"
        base_url = "\(base.absoluteString)"
        api_key_env = "STATUS_TEST_KEY"
        schedule = "\(schedule)"
        """
    }

    /// The rows of `text` whose first word is `name`, split into words.
    private func rows(_ text: String, named name: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { $0.first == name }
    }

    @Test func statusOnAFreshWarehousePrintsEverySection() async throws {
        let directory = try TemporaryDirectory("status-fresh")
        defer { directory.remove() }
        let base = try #require(URL(string: "http://127.0.0.1:9"))
        try config(base: base, schedule: "every 6h").write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        let result = try await CommandRunner().run(["status", "--config", "etl.toml"], in: directory.url,
                                                   environment: ["STATUS_TEST_KEY": "fresh-secret-value"])
        #expect(result.status == 0, "\(result.stderr)")
        for title in titles { #expect(result.stdout.contains("\n\(title)\n"), "\(title): \(result.stdout)") }
        #expect(rows(result.stdout, named: "acme") == [["acme", "konnector", "every", "6h", "yes", "never", "yes"]])
        #expect(result.stdout.contains("zone Europe/Berlin"))
        #expect(!result.stdout.contains("fresh-secret-value"))
        #expect(!result.stdout.contains("\u{1B}["), "no colours")
    }

    @Test func statusAfterARunShowsTheSourceAndDueRunsNothingUntilItIsDue() async throws {
        try await SandboxServer.with(SandboxConfiguration(endDate: "2026-11-20")) { server in
            let directory = try TemporaryDirectory("status-run")
            defer { directory.remove() }
            try config(base: server.konnectorBaseURL, schedule: "daily")
                .write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
            let runner = try CommandRunner()
            let key = server.configuration.apiKey
            let environment = ["STATUS_TEST_KEY": key]

            let first = try await runner.run(["run", "--due", "--config", "etl.toml", "--quiet"], in: directory.url, environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasSuffix("reports/index.html\n") || first.stdout.isEmpty, "\(first.stdout)")
            let callsAfterRun = await server.requests().count
            #expect(callsAfterRun > 0)

            let status = try await runner.run(["status", "--config", "etl.toml"], in: directory.url, environment: environment)
            #expect(status.status == 0, "\(status.stderr)")
            for title in titles { #expect(status.stdout.contains("\n\(title)\n"), "\(title)") }
            #expect(!status.stdout.contains(key))
            let latest = try #require(try RunHistory(warehouse: try Warehouse(url: directory.file("warehouse.sqlite"))).latestSourceRuns().first)
            #expect(latest.pages > 0)
            let acme = rows(status.stdout, named: "acme")
            // The latest run of the source: run 1, ok, its pages and API calls.
            #expect(acme.contains { $0.starts(with: ["acme", "1", "ok", String(latest.pages), String(latest.rows), String(latest.apiCalls)]) }, "\(status.stdout)")
            // Its schedule: daily, not due now, succeeded, not stale.
            #expect(acme.contains { $0.count == 6 && $0[1] == "konnector" && $0[2] == "daily" && $0[3] == "no" && $0[4].hasSuffix("Z") && $0[5] == "no" },
                    "\(status.stdout)")
            #expect(status.stdout.contains("\n   1  run "), "\(status.stdout)")

            let again = try await runner.run(["run", "--due", "--config", "etl.toml"], in: directory.url, environment: environment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stderr.contains("nothing due"), "\(again.stderr)")
            #expect(again.stdout.isEmpty)
            let withSource = try await runner.run(["run", "--due", "--source", "acme", "--config", "etl.toml", "--quiet"],
                                                  in: directory.url, environment: environment)
            #expect(withSource.status == 0, "\(withSource.stderr)")
            #expect(withSource.stderr.isEmpty && withSource.stdout.isEmpty)
            #expect(await server.requests().count == callsAfterRun, "--due made API calls although nothing was due")
        }
    }

    @Test func statusReadsAWarehouseItCannotWrite() async throws {
        let directory = try TemporaryDirectory("status-readonly")
        defer { directory.remove() }
        let base = try #require(URL(string: "http://127.0.0.1:9"))
        try config(base: base, schedule: "daily").replacingOccurrences(of: "path = \"warehouse.sqlite\"", with: "path = \"data/warehouse.sqlite\"")
            .write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        let file = directory.file("data/warehouse.sqlite")
        // A finished run and one that was killed, written by someone else; closed before the test goes on.
        try {
            let log = RunLog(warehouse: try Warehouse(url: file))
            try log.finishRun(try log.beginRun(command: "run"), status: .ok)
            _ = try log.beginRun(command: "run")
        }()
        let readOnly = try ReadOnlyDirectory(directory.file("data"))
        defer { readOnly.restore() }
        try #require(readOnly.refusesNewFiles, "the test needs a directory it cannot write")
        let before = try Data(contentsOf: file)

        let result = try await CommandRunner().run(["status", "--config", "etl.toml"], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        for title in titles { #expect(result.stdout.contains("\n\(title)\n"), "\(title): \(result.stdout)") }
        #expect(result.stdout.contains("\n   1  run "), "\(result.stdout)")
        #expect(rows(result.stdout, named: "1").first?.last == "ok", "\(result.stdout)")
        #expect(rows(result.stdout, named: "2").first?.last == "running", "nothing is written, so nothing is marked")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func dueWithAnUnknownSourceIsAConfigurationError() async throws {
        let directory = try TemporaryDirectory("status-due")
        defer { directory.remove() }
        let base = try #require(URL(string: "http://127.0.0.1:9"))
        try config(base: base, schedule: "daily").write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
        let result = try await CommandRunner().run(["run", "--due", "--source", "nope", "--config", "etl.toml"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no source named \"nope\""), "\(result.stderr)")
    }
}
