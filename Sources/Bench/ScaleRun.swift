import Extract
import Foundation
import Logging
import Pipeline
import Report
import Sandbox
import Transform
import Warehouse

/// The sizes of one scale's generated data and what the pipeline landed from it.
struct ScaleSizes: Sendable {
    var scale: Int
    var days: Int
    var senders: Int
    var campaigns: Int
    /// Threads and messages of every WeConnect user (the pipeline reads each user as its own source).
    var threads: Int
    var messages: Int
    /// Threads and messages the WeConnect emulator generated for all its users.
    var threadsGenerated: Int
    var messagesGenerated: Int
    var rawPages: Int = 0
    var rawBytes: Int = 0
    var factRows: Int = 0
    var factRowsByTable: [(String, Int)] = []
}

/// The second extract over unchanged data: what it asked and what it wrote.
struct RerunMeasure: Sendable {
    var stage: StageMeasure
    var sandboxRequests: Int
    var apiCalls: Int
    var pagesLanded: Int
    /// Row count changes per table (only tables whose count changed).
    var rowDeltas: [(String, Int)]
    /// Rows inserted, updated or deleted by the extract (`total_changes()` of the writer connection).
    var extractChanges: Int
    /// Rows inserted, updated or deleted by the following incremental transform (`total_changes()`).
    var transformChanges: Int
    var transformPages: Int
}

/// Every figure measured at one scale.
struct ScaleResult: Sendable {
    var sizes: ScaleSizes
    var generate: StageMeasure
    var extract: StageMeasure
    var extractRequests: Int
    var transform: StageMeasure
    /// `ReportModel.load` alone: reading the reporting views, which every format does first.
    var modelLoad: StageMeasure
    var reports: [(ReportFormat, StageMeasure)]
    var baselineSeconds: Double
    var rerun: RerunMeasure

    var transformRowsPerSecond: Double { Double(sizes.factRows) / max(transform.seconds, 1e-9) }
    var baselineRowsPerSecond: Double { Double(sizes.factRows) / max(baselineSeconds, 1e-9) }
    /// Transform throughput as a fraction of the baseline's (1 = as fast as the plain C API).
    var ratio: Double { transformRowsPerSecond / max(baselineRowsPerSecond, 1e-9) }
}

/// Runs the pipeline once at one scale against an in-process sandbox with its limits off.
struct ScaleRun {
    var scale: Int
    var days: Int
    var directory: URL
    var logger: Logger

    private static let keyVariable = "BENCH_KONNECTOR_KEY"
    private static let emailVariable = "BENCH_WECONNECT_EMAIL"
    private static let passwordVariable = "BENCH_WECONNECT_PASSWORD"

    func run() async throws -> ScaleResult {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = SandboxConfiguration(scale: scale, endDate: Demo.yesterday(), days: days,
                                                 perMinuteLimit: Int.max / 4, perDayLimit: Int.max / 4)
        configuration.weConnectActionDelay = .seconds(3600)
        configuration.weConnectReplyDelay = .seconds(3600)
        configuration.responseDelay = .zero
        let (server, generate) = await measure { SandboxServer(configuration: configuration) }
        _ = try await server.start()
        do {
            let result = try await run(server: server, generate: generate)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private func run(server: SandboxServer, generate: StageMeasure) async throws -> ScaleResult {
        let konnector = server.konnector
        let weConnect = server.weConnect
        guard !weConnect.users.isEmpty else { throw Baseline.Failure(description: "no WeConnect user") }
        var sizes = ScaleSizes(
            scale: scale, days: days, senders: konnector.senders.count, campaigns: konnector.campaigns.count,
            threads: weConnect.threads.count, messages: weConnect.threads.reduce(0) { $0 + $1.messages.count },
            threadsGenerated: weConnect.threads.count,
            messagesGenerated: weConnect.threads.reduce(0) { $0 + $1.messages.count })

        let warehouseURL = directory.appendingPathComponent("warehouse.sqlite")
        let pipeline = PipelineConfiguration(
            warehouse: warehouseURL, reportsDirectory: directory.appendingPathComponent("reports"),
            sources: [
                SourceConfiguration(name: "bench-konnector", kind: "konnector", baseURL: server.konnectorBaseURL,
                                    apiKeyEnv: Self.keyVariable, dailyLimit: Int.max / 4),
            ] + weConnect.users.indices.map { index in
                // One source per WeConnect user (a team's several logins), so WeConnect grows with the scale.
                SourceConfiguration(name: "bench-weconnect-\(index)", kind: "weconnect", baseURL: server.weConnectBaseURL,
                                    emailEnv: Self.emailVariable + "_\(index)", passwordEnv: Self.passwordVariable + "_\(index)",
                                    socketURL: server.weConnectSocketURL, dailyLimit: Int.max / 4)
            })
        var environment = [Self.keyVariable: server.configuration.apiKey]
        for (index, user) in weConnect.users.enumerated() {
            environment[Self.emailVariable + "_\(index)"] = user.email
            environment[Self.passwordVariable + "_\(index)"] = user.password
        }
        let runner = PipelineRunner(configuration: pipeline, environment: environment, logger: logger)
        let warehouse = try runner.openWarehouse()
        for (index, user) in weConnect.users.enumerated() {
            try RequestLedger(warehouse: warehouse).register(
                source: "bench-weconnect-\(index)", requestIDs: weConnect.actions.filter { $0.userID == user.id }.map(\.requestID))
        }
        let log = RunLog(warehouse: warehouse)

        // 1. Extract everything.
        let requestsBefore = await server.requests().count
        let runID = try log.beginRun(command: "extract")
        let (outcomes, extract) = try await measure {
            try await runner.extract(pipeline.sources, window: DateWindow(), warehouse: warehouse, runID: runID)
        }
        try log.finishRun(runID, status: "ok")
        for outcome in outcomes where outcome.status != "ok" {
            throw Baseline.Failure(description: "extract of \(outcome.source) failed: \(outcome.error ?? "?")")
        }
        let extractRequests = await server.requests().count - requestsBefore
        (sizes.rawPages, sizes.rawBytes) = try await warehouse.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(sum(length(body)), 0) FROM raw_page")
            return (row?[0] ?? 0, row?[1] ?? 0)
        }

        // 2. Transform --rebuild.
        let (_, transform) = try await measure { try runner.transform(warehouse, rebuild: true) }
        sizes.factRowsByTable = try Self.tableCounts(warehouse, prefix: "fact_")
        sizes.factRows = sizes.factRowsByTable.reduce(0) { $0 + $1.1 }

        // 3. Each report format on its own.
        let health = try RunLog(warehouse: warehouse).sourceHealth().map {
            SourceHealth(name: $0.source, kind: $0.kind, status: $0.status, lastSuccessAt: $0.lastSuccessAt, error: $0.error)
        }
        // The model load (every reporting view read once) on its own, then each format with its own load.
        let (_, modelLoad) = try await measure {
            try ReportModel.load(from: warehouse.pool, generatedAt: Date(), sources: health)
        }
        var reports: [(ReportFormat, StageMeasure)] = []
        for format in ReportFormat.allCases {
            let (_, stage) = try await measure {
                let model = try ReportModel.load(from: warehouse.pool, generatedAt: Date(), sources: health)
                return try ReportWriter().write(model, formats: [format], to: pipeline.reportsDirectory)
            }
            reports.append((format, stage))
        }

        // 4. The baseline: as many rows, plain C API.
        // The warehouse's own definition; its REFERENCES clauses are not checked in the scratch file
        // (SQLite enforces foreign keys only when asked to).
        let createTable = try await warehouse.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'fact_campaign_daily'")
        } ?? ""
        let baselineSeconds = try Baseline.run(rows: sizes.factRows, daysPerKey: days, createTable: createTable,
                                               directory: directory)

        // 5. A second nightly run with no new data.
        let countsBefore = try Self.tableCounts(warehouse, prefix: "")
        let changesBefore = try Self.totalChanges(warehouse)
        let requestsBeforeRerun = await server.requests().count
        let rerunID = try log.beginRun(command: "extract")
        let (rerunOutcomes, rerunStage) = try await measure {
            try await runner.extract(pipeline.sources, window: DateWindow(), warehouse: warehouse, runID: rerunID)
        }
        try log.finishRun(rerunID, status: "ok")
        let rerunRequests = await server.requests().count - requestsBeforeRerun
        let extractChanges = try Self.totalChanges(warehouse) - changesBefore
        let countsAfter = try Self.tableCounts(warehouse, prefix: "")
        let before = Dictionary(uniqueKeysWithValues: countsBefore)
        let deltas = countsAfter.compactMap { name, count -> (String, Int)? in
            let delta = count - (before[name] ?? 0)
            return delta == 0 ? nil : (name, delta)
        }
        let (transformPages, transformChanges) = try Self.incrementalTransform(warehouse)
        let rerun = RerunMeasure(
            stage: rerunStage, sandboxRequests: rerunRequests, apiCalls: rerunOutcomes.reduce(0) { $0 + $1.apiCalls },
            pagesLanded: rerunOutcomes.reduce(0) { $0 + $1.pages }, rowDeltas: deltas, extractChanges: extractChanges,
            transformChanges: transformChanges, transformPages: transformPages)

        try? FileManager.default.removeItem(at: directory)
        return ScaleResult(sizes: sizes, generate: generate, extract: extract, extractRequests: extractRequests,
                           transform: transform, modelLoad: modelLoad, reports: reports, baselineSeconds: baselineSeconds, rerun: rerun)
    }

    /// Row counts of every table whose name starts with `prefix`, by name.
    static func tableCounts(_ warehouse: Warehouse, prefix: String) throws -> [(String, Int)] {
        try warehouse.pool.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? || '%'
                AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
                """, arguments: [prefix])
            return try names.map { name in
                (name, try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(name)\"") ?? 0)
            }
        }
    }

    /// SQLite's `total_changes()` of the pool's writer connection, through which every stage writes:
    /// the rows inserted, updated or deleted since this process opened the warehouse.
    static func totalChanges(_ warehouse: Warehouse) throws -> Int {
        try warehouse.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0 }
    }

    /// Runs the incremental transform and returns the pages it loaded and the rows it changed.
    static func incrementalTransform(_ warehouse: Warehouse) throws -> (Int, Int) {
        let before = try totalChanges(warehouse)
        let summary = try Transformer(warehouse: warehouse).run(rebuild: false)
        return (summary.pagesLoaded, try totalChanges(warehouse) - before)
    }
}
