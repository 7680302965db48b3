import Demo
import Extract
import Foundation
import GRDB
import Logging
import Pipeline
import Report
import Sandbox
import TestSupport
import Vendors
import Warehouse

/// Runs the pipeline once at one scale against the in-process sandbox (large accounts, every limit
/// off), each stage in a child process of its own, and measures it.
struct ScaleRun {
    var scale: Int
    var days: Int
    var directory: URL
    /// Land WeConnect in-process (`InProcessSandboxClient`) instead of over HTTP.
    var weConnectInProcess: Bool
    /// A view, report or baseline still running after this long is killed (a view that does not finish).
    var stageTimeout: Duration
    /// Compare the in-process landing with the extractor's own over HTTP (the first HTTP scale).
    var checkLanding: Bool
    /// Leave the scale's folder (its warehouse, reports and stage files) in place, to profile a stage again.
    var keepWork = false
    var logger: Logger

    private static let konnectorKey = "BENCH_KONNECTOR_KEY"
    private static let weConnectEmail = "BENCH_WECONNECT_EMAIL_"
    private static let weConnectPassword = "BENCH_WECONNECT_PASSWORD_"
    private static let weLinkKey = "BENCH_WELINK_KEY"
    private static let weLinkSecret = "BENCH_WELINK_SECRET"
    private static let linkedAPIToken = "BENCH_LINKEDAPI_TOKEN"
    private static let linkedAPIIdentification = "BENCH_LINKEDAPI_IDENTIFICATION"

    /// The sandbox of the bench: large accounts, every vendor limit and delay out of the way, and
    /// what is pending at the start held pending for an hour, so the run is deterministic.
    func sandboxConfiguration() -> SandboxConfiguration {
        var configuration = SandboxConfiguration(scale: scale, endDate: Demo.yesterday(), days: days,
                                                 perMinuteLimit: Int.max / 4, perDayLimit: Int.max / 4)
        configuration.growth = .largeAccount
        configuration.weConnectActionDelay = .seconds(3_600)
        configuration.weConnectReplyDelay = .seconds(3_600)
        configuration.weLinkProcessingDelay = .zero
        configuration.weLinkReplyDelay = .seconds(3_600)
        configuration.weLinkRequestsPerWindow = Int.max / 4
        configuration.linkedAPIWorkflowDelay = .zero
        configuration.linkedAPIAcceptanceDelay = .seconds(3_600)
        return configuration
    }

    func run() async throws -> ScaleResult {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keepWork { try? FileManager.default.removeItem(at: directory) } }
        let clock = ContinuousClock()
        let start = clock.now
        let server = SandboxServer(configuration: sandboxConfiguration())
        let generateSeconds = (clock.now - start).timeInterval
        _ = try await server.start()
        do {
            var result = ScaleResult(sizes: ScaleSizes(scale: scale, days: days), weConnectInProcess: weConnectInProcess,
                                     generateSeconds: generateSeconds)
            try await Pass(run: self, server: server).measure(into: &result)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// One scale's stages, in order, against one running sandbox.
    private struct Pass {
        let run: ScaleRun
        let server: SandboxServer
        let warehouseURL: URL
        let konnector: [BenchSource]
        let weConnect: [BenchSource]
        let others: [BenchSource]
        let environment: [String: String]

        init(run: ScaleRun, server: SandboxServer) {
            self.run = run
            self.server = server
            warehouseURL = run.directory.appendingPathComponent("warehouse.sqlite")
            let sandbox = server.configuration
            var environment = [ScaleRun.konnectorKey: sandbox.apiKey, ScaleRun.weLinkKey: sandbox.weLinkAPIKey,
                               ScaleRun.weLinkSecret: sandbox.weLinkAPISecret, ScaleRun.linkedAPIToken: sandbox.linkedAPIToken,
                               ScaleRun.linkedAPIIdentification: sandbox.linkedAPIIdentificationToken]
            konnector = [BenchSource(name: "bench-konnector", kind: .konnector, baseURL: server.konnectorBaseURL,
                                     apiKeyEnv: ScaleRun.konnectorKey)]
            // One source per WeConnect user and per We-Link account: a team's several logins.
            weConnect = server.weConnect.users.enumerated().map { index, user in
                environment[ScaleRun.weConnectEmail + "\(index)"] = user.email
                environment[ScaleRun.weConnectPassword + "\(index)"] = user.password
                return BenchSource(name: "bench-weconnect-\(index)", kind: .weconnect, baseURL: server.weConnectBaseURL,
                                   emailEnv: ScaleRun.weConnectEmail + "\(index)", passwordEnv: ScaleRun.weConnectPassword + "\(index)",
                                   socketURL: server.weConnectSocketURL)
            }
            others = server.weLink.accounts.enumerated().map { index, account in
                BenchSource(name: "bench-welink-\(index)", kind: .welink, baseURL: server.weLinkBaseURL,
                            apiKeyEnv: ScaleRun.weLinkKey, apiSecretEnv: ScaleRun.weLinkSecret, accountID: account.id)
            } + [BenchSource(name: "bench-linkedapi", kind: .linkedapi, baseURL: server.linkedAPIBaseURL,
                             apiKeyEnv: ScaleRun.linkedAPIToken, apiSecretEnv: ScaleRun.linkedAPIIdentification,
                             accountID: server.linkedAPI.account.accountId, resultHandling: .long, statusChecksPerRun: 1_000_000)]
            self.environment = environment
        }

        func measure(into result: inout ScaleResult) async throws {
            let warehouse = try Warehouse(url: warehouseURL)
            try register(in: warehouse)
            result.sizes = try sizes(result.sizes)

            // First pull, each vendor's transform on its own after its extract (the rates), then the rest.
            result.firstPull = try await extract(konnector, name: StageName.extractKonnector, into: &result).calls
            try await transform(name: StageName.transformKonnector, rebuild: false, into: &result)
            result.sizes.konnectorDailyRows = try count(warehouse, "SELECT (SELECT count(*) FROM fact_campaign_daily) + (SELECT count(*) FROM fact_sender_daily)")
            result.firstPull = result.firstPull + (try await extractWeConnect(warehouse, rerun: false, into: &result).calls)
            if run.checkLanding, !run.weConnectInProcess {
                result.landingCheck = try await WeConnectThreadLanding.check(
                    server: server, extracted: warehouse, scratch: run.directory.appendingPathComponent("landing-check.sqlite"),
                    sources: weConnect.map(credentials))
            }
            try await transform(name: StageName.transformWeConnect, rebuild: false, into: &result)
            result.sizes.weConnectMessagesLoaded = try count(warehouse, "SELECT count(*) FROM fact_message")
            result.firstPull = result.firstPull + (try await extract(others, name: StageName.extractOthers, into: &result).calls)
            let raw = try warehouse.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT count(*), coalesce(sum(length(body)), 0) FROM raw_page")
            }
            result.sizes.rawPages = raw?[0] ?? 0
            result.sizes.rawBytes = raw?[1] ?? 0

            try await transform(name: StageName.transformRebuild, rebuild: true, into: &result)
            result.sizes.factRowsByTable = try tableCounts(warehouse, prefix: "fact_")
            result.sizes.factRows = result.sizes.factRowsByTable.reduce(0) { $0 + $1.1 }
            result.sizes.prospects = try count(warehouse, "SELECT count(*) FROM dim_prospect")

            try await views(into: &result)
            try await reports(into: &result)
            try await baselines(into: &result)
            try await publish(into: &result)

            // The nightly run with nothing new.
            let reruns = [
                try await extract(konnector, name: StageName.rerun(StageName.extractKonnector), into: &result),
                try await extractWeConnect(warehouse, rerun: true, into: &result),
                try await extract(others, name: StageName.rerun(StageName.extractOthers), into: &result),
            ]
            result.rerun = reruns.reduce(CallTally()) { $0 + $1.calls }
            result.rerunExtractRowsChanged = reruns.reduce(0) { $0 + $1.output.rowsChanged }
            let output = try await transform(name: StageName.rerunTransform, rebuild: false, into: &result)
            result.rerunTransformRowsChanged = output.rowsChanged
            result.rerunTransformPages = output.pagesLoaded
        }

        /// The requests a team tracks: WeConnect's actions, We-Link's requests, Linked API's invitations.
        private func register(in warehouse: Warehouse) throws {
            let ledger = RequestLedger(warehouse: warehouse)
            let actions = Dictionary(grouping: server.weConnect.actions, by: \.userID)
            for (index, user) in server.weConnect.users.enumerated() {
                try ledger.register(source: weConnect[index].name, requestIDs: (actions[user.id] ?? []).map(\.requestID))
            }
            let requests = Dictionary(grouping: server.weLink.requests, by: \.accountID)
            for (index, account) in server.weLink.accounts.enumerated() {
                try ledger.register(source: others[index].name, requestIDs: (requests[account.id] ?? []).map(\.requestID))
            }
            let invitations = server.linkedAPI.invitations.map { invitation in
                TrackedRequest(id: invitation.id, subject: invitation.personURL,
                               sentAt: Timestamp.string(Date(timeIntervalSince1970: TimeInterval(invitation.sentAt))))
            }
            if let linkedAPI = others.last {
                _ = try RequestTracking(source: linkedAPI.configuration).register(invitations, in: warehouse)
            }
        }

        private func sizes(_ start: ScaleSizes) throws -> ScaleSizes {
            var sizes = start
            sizes.senders = server.konnector.senders.count
            sizes.campaigns = server.konnector.campaigns.count
            let weConnect = server.weConnect
            sizes.threads = weConnect.threads.count
            sizes.messages = weConnect.threads.reduce(0) { $0 + $1.messages.count }
            sizes.weConnectProspects = Set(weConnect.threads.map(\.profile.linkedin)).count
            sizes.linkedAPIInvitations = server.linkedAPI.invitations.count
            sizes.weLinkAccounts = server.weLink.accounts.count
            sizes.weLinkRequests = server.weLink.requests.count
            return sizes
        }

        /// Extracts `sources` over HTTP in a child process.
        @discardableResult
        private func extract(_ sources: [BenchSource], name: String, into result: inout ScaleResult) async throws
            -> (output: StageOutput, calls: CallTally) {
            let before = await server.requests().count
            let output = try await child(name, StageSpec(stage: .extract, warehouse: warehouseURL.path, sources: sources),
                                         into: &result, tolerateTimeout: false)
            for source in output.sources where source.status != .ok {
                throw ChildProcess.Failure(description: "\(name): \(source.name) failed: \(source.error ?? "no reason given")")
            }
            return (output, CallTally(await server.requests().dropFirst(before), on: server))
        }

        /// A WeConnect source with the login its environment variables hold.
        private func credentials(_ source: BenchSource) -> (source: SourceConfiguration, email: String, password: String) {
            (source.configuration, environment[source.emailEnv ?? ""] ?? "", environment[source.passwordEnv ?? ""] ?? "")
        }

        /// WeConnect's extract: over HTTP in a child, or in-process beside the sandbox (the first pull's
        /// thread pages landed straight from it by `WeConnectThreadLanding`, then the extractor).
        private func extractWeConnect(_ warehouse: Warehouse, rerun: Bool, into result: inout ScaleResult) async throws
            -> (output: StageOutput, calls: CallTally) {
            let name = run.weConnectInProcess ? StageName.landWeConnect : StageName.extractWeConnect
            guard run.weConnectInProcess else {
                return try await extract(weConnect, name: rerun ? StageName.rerun(name) : name, into: &result)
            }
            let before = await server.requests().count
            let changesBefore = try StageCommand.totalChanges(warehouse)
            let sources = weConnect.map(\.configuration)
            let runner = PipelineRunner(configuration: StageCommand.configuration(warehouseURL, reports: nil, sources: sources),
                                        environment: environment, client: InProcessSandboxClient(server: server), logger: run.logger)
            let log = RunLog(warehouse: warehouse)
            let runID = try log.beginRun(command: "extract")
            let clock = ContinuousClock()
            let start = clock.now
            if !rerun {
                // Two lanes of users, one per core: computing the answers is most of the landing, and the writes of
                // one lane overlap the other's answers. Each user's pages are still landed in one transaction.
                let landing = WeConnectThreadLanding(server: server, warehouse: warehouse)
                let users = weConnect.map(credentials)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for lane in 0..<2 {
                        group.addTask {
                            for user in stride(from: lane, to: users.count, by: 2).map({ users[$0] }) {
                                _ = try await landing.land(user.source, email: user.email, password: user.password, runID: runID)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let outcomes = try await runner.extract(sources, window: DateWindow(), warehouse: warehouse, runID: runID)
            let seconds = (clock.now - start).timeInterval
            try log.finishRun(runID, status: .ok)
            for outcome in outcomes where outcome.status != .ok {
                throw ChildProcess.Failure(description: "\(name): \(outcome.source) failed: \(outcome.error ?? "no reason given")")
            }
            result.stages.append(StageFigure(name: rerun ? StageName.rerun(name) : name, kind: .inProcess, seconds: seconds,
                                             ownSeconds: seconds))
            let output = StageOutput(seconds: seconds, rowsChanged: try StageCommand.totalChanges(warehouse) - changesBefore)
            return (output, CallTally(await server.requests().dropFirst(before), on: server))
        }

        @discardableResult
        private func transform(name: String, rebuild: Bool, into result: inout ScaleResult) async throws -> StageOutput {
            let output = try await child(name, StageSpec(stage: .transform, warehouse: warehouseURL.path, rebuild: rebuild),
                                         into: &result, tolerateTimeout: false)
            if output.problems > 0 { run.logger.warning("\(name): \(output.problems) raw pages could not be read") }
            return output
        }

        /// Every stored view's query (what a refresh computes, over the stored views it reads), stepped to its end,
        /// each in its own child, twice: the faster run is kept, since most take a second or less, within the
        /// machine's own variation between runs, and the growth between scales compares them.
        private func views(into result: inout ScaleResult) async throws {
            for view in ReportingViews.storedViewNames.sorted() {
                let spec = StageSpec(stage: .view, warehouse: warehouseURL.path, view: ReportingViews.query(of: view))
                let output = try await child(StageName.view(view), spec, into: &result)
                result.viewRows[view] = output.rows
                guard let first = result.stages.last, !first.timedOut else { continue }
                result.stages.removeLast()
                _ = try await child(StageName.view(view), spec, into: &result)
                if let second = result.stages.last, (first.ownSeconds ?? first.seconds) < (second.ownSeconds ?? second.seconds) {
                    result.stages[result.stages.count - 1] = first
                }
            }
        }

        /// Each report format on its own, from the warehouse to its files.
        private func reports(into result: inout ScaleResult) async throws {
            for format in ReportFormat.allCases {
                let folder = run.directory.appendingPathComponent("reports-\(format.rawValue)")
                let output = try await child(StageName.report(format.rawValue),
                                             StageSpec(stage: .report, warehouse: warehouseURL.path, format: format.rawValue,
                                                       reports: folder.path),
                                             into: &result)
                result.reportBytes[format.rawValue] = output.files.reduce(0) { $0 + $1.bytes }
                if format == .html {
                    let pages = output.files.filter { $0.path.hasSuffix(".html") }
                    result.htmlFiles = pages.count
                    let index = folder.appendingPathComponent("index.html").path
                    result.indexHTMLBytes = pages.first { $0.path == index }?.bytes ?? 0
                    if let largest = pages.max(by: { $0.bytes < $1.bytes }) {
                        result.largestHTML = (String(largest.path.dropFirst(folder.path.count + 1)), largest.bytes)
                    }
                }
                try? FileManager.default.removeItem(at: folder)
            }
        }

        /// The references: `sqlite3 -csv` exporting the CSV report's views, bare libxlsxwriter writing
        /// the XLSX report's view sheets, the C API inserting Konnector's daily rows.
        private func baselines(into result: inout ScaleResult) async throws {
            let folder = run.directory.appendingPathComponent("baseline")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var seconds = 0.0
            var peak: UInt64 = 0
            let written = ReportModel.fileViews
            for view in written {
                let child = try await exportCSV(view, to: folder.appendingPathComponent("\(view).csv").path, timeout: run.stageTimeout)
                seconds += child.seconds
                peak = max(peak, child.peakRSS)
            }
            result.stages.append(StageFigure(name: StageName.sqliteCSV, kind: .baseline, seconds: seconds, peakRSS: peak))
            try await child(StageName.xlsxBaseline,
                            StageSpec(stage: .xlsxBaseline, warehouse: warehouseURL.path,
                                      views: ["report_reply_time"] + written,
                                      output: folder.appendingPathComponent("baseline.xlsx").path),
                            into: &result, kind: .baseline)
            try await child(StageName.insertBaseline,
                            StageSpec(stage: .insertBaseline, warehouse: warehouseURL.path, rows: result.sizes.konnectorDailyRows,
                                      days: run.days, scratch: folder.path),
                            into: &result, kind: .baseline)
        }

        /// `sqlite3 -readonly -csv -header` of every row of `table` into the file at `path`.
        @discardableResult
        private func exportCSV(_ table: String, to path: String, timeout: Duration) async throws -> ChildRun {
            let child = try await ChildProcess.run(
                SQLiteCLI.path, ["-readonly", "-csv", "-header", warehouseURL.path, SQLiteFile.selectAll(table) + ";"],
                outputFile: path, timeout: timeout)
            guard child.status == 0 else { throw ChildProcess.Failure(description: "sqlite3 -csv of \(table) exited with \(child.status)") }
            return child
        }

        /// `etl publish` into a throwaway PostgreSQL cluster (its first publish, into an empty schema, then the
        /// rerun with nothing changed), and the reference: `psql` running `\copy` of the same tables' CSVs, as
        /// `sqlite3 -csv` writes them, into tables made `LIKE` the published ones (keys included), in one transaction.
        private func publish(into result: inout ScaleResult) async throws {
            try await PostgresServer.with { postgres in
                let environment = [StageSpec.postgresURLVariable: postgres.url]
                let spec = StageSpec(stage: .publish, warehouse: warehouseURL.path)
                result.publishedRows = try await child(StageName.publish, spec, into: &result, tolerateTimeout: false,
                                                       environment: environment).rows
                try await child(StageName.rerunPublish, spec, into: &result, tolerateTimeout: false, environment: environment)

                let folder = run.directory.appendingPathComponent("psql-baseline")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let tables = try await postgres.sql("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = 'outreach' AND table_name <> 'publish_log' \
                    ORDER BY table_name
                    """)
                var create = "CREATE SCHEMA baseline;"
                var script = "BEGIN;\n"
                for table in tables {
                    let csv = folder.appendingPathComponent("\(table).csv").path
                    try await exportCSV(table, to: csv, timeout: .seconds(3_600))
                    create += " CREATE TABLE baseline.\"\(table)\" (LIKE outreach.\"\(table)\" INCLUDING ALL);"
                    script += "\\copy baseline.\"\(table)\" FROM '\(csv)' WITH (FORMAT csv, HEADER true)\n"
                }
                script += "COMMIT;\n"
                try await postgres.sql(create)
                let scriptURL = folder.appendingPathComponent("copy.sql")
                try script.write(to: scriptURL, atomically: true, encoding: .utf8)
                let copy = try await ChildProcess.run(postgres.psql.path,
                                                      ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", scriptURL.path, postgres.url],
                                                      timeout: run.stageTimeout)
                guard copy.status == 0, !copy.timedOut else {
                    throw ChildProcess.Failure(description: "psql \\copy " + (copy.timedOut ? "ran past its timeout" : "exited with \(copy.status)"))
                }
                result.stages.append(StageFigure(name: StageName.psqlCopy, kind: .baseline, seconds: copy.seconds, peakRSS: copy.peakRSS))
                let counts = tables.map { "(SELECT count(*) FROM baseline.\"\($0)\")" }.joined(separator: " + ")
                result.psqlRows = Int(try await postgres.sql("SELECT \(counts)").first ?? "") ?? 0
            }
        }

        /// Runs one stage in a child process and records its figure. A stage the later ones depend on
        /// (extract, transform) must finish; another one killed at the timeout is recorded as such.
        @discardableResult
        private func child(_ name: String, _ spec: StageSpec, into result: inout ScaleResult, kind: StageFigure.Kind = .product,
                           tolerateTimeout: Bool = true, environment extra: [String: String] = [:]) async throws -> StageOutput {
            let specURL = run.directory.appendingPathComponent("stage-\(UUID().uuidString).json")
            try JSONEncoder().encode(spec).write(to: specURL)
            // The stages the later ones need get an hour: stopping them would leave nothing to measure.
            let child = try await ChildProcess.run(ChildProcess.currentExecutable, [BenchOptions.stageFlag, specURL.path],
                                                   environment: environment.merging(extra) { $1 },
                                                   timeout: tolerateTimeout ? run.stageTimeout : .seconds(3_600))
            if child.timedOut, tolerateTimeout {
                run.logger.warning("\(name): still running after \(run.stageTimeout), stopped")
                result.stages.append(StageFigure(name: name, kind: kind, seconds: child.seconds, peakRSS: child.peakRSS, timedOut: true))
                return StageOutput()
            }
            guard child.status == 0, !child.timedOut,
                  let line = child.output.split(separator: UInt8(ascii: "\n")).last,
                  let output = try? JSONDecoder().decode(StageOutput.self, from: Data(line))
            else {
                throw ChildProcess.Failure(description: "\(name): the stage \(child.timedOut ? "ran past its timeout" : "exited with \(child.status)")")
            }
            result.stages.append(StageFigure(name: name, kind: kind, seconds: child.seconds, ownSeconds: output.seconds,
                                             refreshSeconds: output.refreshSeconds, peakRSS: max(child.peakRSS, output.peakRSS)))
            return output
        }

        private func count(_ warehouse: Warehouse, _ sql: String) throws -> Int {
            try warehouse.pool.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
        }

        /// Row counts of every table whose name starts with `prefix`, by name.
        private func tableCounts(_ warehouse: Warehouse, prefix: String) throws -> [(String, Int)] {
            try warehouse.pool.read { db in
                let names = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? || '%'
                    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
                    """, arguments: [prefix])
                return try names.map { name in (name, try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(name)\"") ?? 0) }
            }
        }
    }
}
