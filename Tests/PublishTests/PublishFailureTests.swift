import Foundation
import GRDB
import Logging
import Pipeline
import PostgresNIO
import Publish
import Sandbox
import TestSupport
import Testing
import Warehouse

/// `etl publish` through the built binary when things go wrong: refused credentials, a publish killed with
/// `kill -9`, a server stopped mid-publish. Each fails that destination only, in one line without the password,
/// and leaves the previous publish whole and the warehouse untouched.
@Suite(.timeLimit(.minutes(5))) struct PublishFailureTests {
    private static let variable = "OUTREACH_TEST_PG_URL"

    private func configure(_ directory: TemporaryDirectory) throws {
        try """
            [warehouse]
            path = "warehouse.sqlite"
            [reports]
            dir = "."
            [[destinations]]
            name = "team-postgres"
            kind = "postgres"
            url_env = "\(Self.variable)"
            """.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
    }

    /// A session that holds `table` locked in an open transaction, so a publish reaching it waits there, its
    /// transaction open and the tables before already written in it.
    private func lock(_ table: String, on server: PostgresServer) async throws -> PostgresConnection {
        let logger = Logger(label: "test")
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: "127.0.0.1", port: server.port, username: server.user, password: server.password,
                                 database: server.database, tls: .disable),
            id: 9, logger: logger)
        _ = try await connection.query("BEGIN", logger: logger).collect()
        _ = try await connection.query(PostgresQuery(unsafeSQL: "LOCK TABLE outreach.\(table) IN ACCESS EXCLUSIVE MODE"), logger: logger).collect()
        return connection
    }

    /// Waits until the publish's session waits for a lock. PostgreSQL announces no lock wait, so this is the one
    /// place the tests poll: another server's state, every 50 ms.
    private func waitUntilBlocked(_ server: PostgresServer) async throws {
        for _ in 0..<600 {
            let waiting = try await server.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE application_name = 'outreach-etl publish' AND datname = current_database()
                  AND wait_event_type = 'Lock'
                """)
            if waiting == ["1"] { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the publish never reached the locked table")
    }

    private func fileHash(_ url: URL) throws -> [String] {
        try PostgresPublishTests.contents(url)
    }

    @Test func refusedCredentialsFailInOneLineWithoutThePassword() async throws {
        let directory = try TemporaryDirectory("publish-refused")
        defer { directory.remove() }
        _ = try await PostgresPublishTests.demoWarehouse(directory)
        try configure(directory)
        try await PostgresServer.with { server in
            let wrong = "wr0ng:p@ss/word"
            let before = try fileHash(directory.file("warehouse.sqlite"))
            let result = try await CommandRunner().run(["publish", "--config", "etl.toml"], in: directory.url,
                                                       environment: [Self.variable: server.url(password: wrong)])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.contains { $0.contains("destination team-postgres: publish failed") && $0.contains("password authentication failed") },
                    "\(result.stderr)")
            for spelling in [wrong, wrong.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "", server.password] {
                #expect(!result.stderr.contains(spelling) && !result.stdout.contains(spelling))
            }
            #expect(try fileHash(directory.file("warehouse.sqlite")) == before)
            // A missing variable is that destination's failure too.
            let unset = try await CommandRunner().run(["publish", "--config", "etl.toml"], in: directory.url)
            #expect(unset.status == 1)
            #expect(unset.stderr.contains("\(Self.variable) (url_env) is not set"), "\(unset.stderr)")
        }
    }

    @Test func aPublishKilledMidwayLeavesThePreviousOneWhole() async throws {
        let directory = try TemporaryDirectory("publish-killed")
        defer { directory.remove() }
        let warehouse = try await PostgresPublishTests.demoWarehouse(directory)
        try configure(directory)
        try await PostgresServer.with { server in
            _ = try await PostgresPublisher(destination: try PostgresPublishTests.destination(server)).publish(warehouse, runID: 1)
            let senders = try await server.sql("SELECT name FROM outreach.dim_sender ORDER BY sender_key")
            try await warehouse.pool.write { db in try db.execute(sql: "UPDATE dim_sender SET name = 'Changed since'") }
            let blocker = try await lock("report_threads", on: server)
            let process = try CommandRunner().start(["publish", "--config", "etl.toml"], in: directory.url,
                                                    environment: [Self.variable: server.url])
            try await waitUntilBlocked(server)
            kill(process.processIdentifier, SIGKILL)
            _ = await CommandRunner.wait(for: process)
            _ = try await blocker.query("ROLLBACK", logger: Logger(label: "test")).collect()
            try? await blocker.close()
            // The killed client's session may linger until PostgreSQL notices; end it and wait (inside PostgreSQL)
            // until it is gone.
            _ = try await server.sql("""
                SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity
                WHERE application_name = 'outreach-etl publish' AND datname = current_database()
                """)
            #expect(try await server.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE application_name = 'outreach-etl publish' AND datname = current_database()
                """) == ["0"])
            // Nothing of the killed publish is visible: the dimension it had rewritten is as the first publish left it.
            #expect(try await server.sql("SELECT name FROM outreach.dim_sender ORDER BY sender_key") == senders)
            #expect(try await server.sql("SELECT count(DISTINCT published_at) FROM outreach.publish_log") == ["1"])
            // And the next publish goes through.
            let again = try await CommandRunner().run(["publish", "--config", "etl.toml"], in: directory.url,
                                                      environment: [Self.variable: server.url])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try await server.sql("SELECT DISTINCT name FROM outreach.dim_sender") == ["Changed since"])
        }
    }

    @Test func aServerStoppedMidPublishFailsThatDestinationAndTheNextPublishWorks() async throws {
        let directory = try TemporaryDirectory("publish-stopped")
        defer { directory.remove() }
        _ = try await PostgresPublishTests.demoWarehouse(directory)
        try configure(directory)
        try await PostgresServer.withOwnCluster { server in
            let first = try await CommandRunner().run(["publish", "--config", "etl.toml"], in: directory.url,
                                                      environment: [Self.variable: server.url])
            #expect(first.status == 0, "\(first.stderr)")
            let before = try fileHash(directory.file("warehouse.sqlite"))
            let blocker = try await lock("report_threads", on: server)
            let stderr = directory.file("publish.err")
            let process = Process()
            process.executableURL = try CommandRunner().executable
            process.arguments = ["publish", "--config", "etl.toml"]
            process.currentDirectoryURL = directory.url
            process.environment = ProcessInfo.processInfo.environment.merging([Self.variable: server.url]) { _, new in new }
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
            process.standardOutput = FileHandle.nullDevice
            try CommandRunner.launch(process)
            try await waitUntilBlocked(server)
            try await server.stopServer()
            let status = await CommandRunner.wait(for: process)
            try? await blocker.close()
            #expect(status == 1)
            let message = try String(contentsOf: stderr, encoding: .utf8)
            #expect(message.contains("destination team-postgres: publish failed"), "\(message)")
            #expect(!message.contains(server.password))
            #expect(try fileHash(directory.file("warehouse.sqlite")) == before)
            try await server.startServer()
            let again = try await CommandRunner().run(["publish", "--config", "etl.toml"], in: directory.url,
                                                      environment: [Self.variable: server.url])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try await server.sql("SELECT count(DISTINCT published_at) FROM outreach.publish_log") == ["2"])
        }
    }

    @Test func aRunPublishesAndADownDestinationFailsOnlyItself() async throws {
        try await SandboxServer.with(SandboxConfiguration(endDate: "2026-11-20")) { sandbox in
            let directory = try TemporaryDirectory("publish-run")
            defer { directory.remove() }
            try """
                [warehouse]
                path = "warehouse.sqlite"
                [reports]
                dir = "reports"
                formats = ["csv"]
                [[sources]]
                name = "acme"
                kind = "konnector"
                base_url = "\(sandbox.konnectorBaseURL.absoluteString)"
                api_key_env = "KEY"
                [[destinations]]
                name = "team-postgres"
                kind = "postgres"
                url_env = "\(Self.variable)"
                """.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
            let key = ["KEY": sandbox.configuration.apiKey]
            try await PostgresServer.withOwnCluster { server in
                let run = try await CommandRunner().run(["run", "--config", "etl.toml"], in: directory.url,
                                                        environment: key.merging([Self.variable: server.url]) { $1 })
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.stderr.contains("publish: team-postgres:"), "\(run.stderr)")
                #expect(try await server.sql("SELECT count(*) > 0 FROM outreach.report_campaign_summary") == ["t"])
                #expect(try await server.sql("SELECT DISTINCT run_id FROM outreach.publish_log") == ["1"])
                try await server.stopServer()
                let down = try await CommandRunner().run(["run", "--config", "etl.toml"], in: directory.url,
                                                         environment: key.merging([Self.variable: server.url]) { $1 })
                #expect(down.status == 1)
                #expect(down.stderr.contains("destination team-postgres: publish failed: cannot reach the server"), "\(down.stderr)")
                #expect(!down.stderr.contains(server.password))
                // The run itself went through: its reports are written and its run logged ok.
                #expect(FileManager.default.fileExists(atPath: directory.file("reports/report_campaign_summary.csv").path))
                let statuses = try await Warehouse(url: directory.file("warehouse.sqlite")).pool.read { db in
                    try String.fetchAll(db, sql: "SELECT status FROM run ORDER BY id")
                }
                #expect(statuses == ["ok", "ok"])
                try await server.startServer()
            }
        }
    }
}
