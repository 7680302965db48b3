import Extract
import Foundation
import GRDB
import GRDBSQLite
import Logging
import Pipeline
import Publish
import Report
import Transform
import Warehouse

/// `etl-bench --stage SPEC`: one stage in a process of its own, so its peak memory is its own.
/// Prints a `StageOutput` as the last line of standard output.
enum StageCommand {
    static func run(specPath: String) async throws -> StageOutput {
        let spec = try JSONDecoder().decode(StageSpec.self, from: Data(contentsOf: URL(fileURLWithPath: specPath)))
        var logger = Logger(label: "etl-bench")
        logger.logLevel = .error
        let warehouseURL = URL(fileURLWithPath: spec.warehouse)
        switch spec.stage {
        case .extract:
            return try await extract(spec, warehouse: warehouseURL, logger: logger)
        case .transform:
            let warehouse = try Warehouse(url: warehouseURL)
            let before = try totalChanges(warehouse)
            let runner = PipelineRunner(configuration: configuration(warehouseURL, reports: nil), logger: logger)
            let (summary, seconds) = try timed { try runner.transform(warehouse, rebuild: spec.rebuild) }
            return StageOutput(seconds: seconds, pagesLoaded: summary.pagesLoaded,
                               rowsChanged: try totalChanges(warehouse) - before, refreshSeconds: summary.refreshSeconds,
                               problems: summary.problems.count)
        case .view:
            let (rows, seconds) = try timed { try SQLiteFile(path: spec.warehouse).forEachRow(SQLiteFile.selectAll(spec.view ?? "")) }
            return StageOutput(seconds: seconds, rows: rows)
        case .report:
            guard let format = spec.format.flatMap(ReportFormat.init(rawValue:)), let reports = spec.reports else {
                throw ChildProcess.Failure(description: "a report stage needs a format and a folder")
            }
            let warehouse = try Warehouse(url: warehouseURL)
            let (files, seconds) = try timed {
                try writeReport(format, from: warehouse, at: warehouseURL, to: URL(fileURLWithPath: reports), logger: logger)
            }
            let sizes = files.map { url in
                StageOutput.FileSize(path: url.path, bytes: (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
            }
            return StageOutput(seconds: seconds, files: sizes)
        case .xlsxBaseline:
            let (cells, seconds) = try timed {
                try XLSXBaseline.write(database: spec.warehouse, views: spec.views, to: spec.output ?? "baseline.xlsx")
            }
            return StageOutput(seconds: seconds, rows: cells)
        case .insertBaseline:
            let createTable = try await Warehouse(url: warehouseURL).pool.read { db in
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'fact_campaign_daily'")
            } ?? ""
            let directory = URL(fileURLWithPath: spec.scratch ?? NSTemporaryDirectory())
            let seconds = try Baseline.run(rows: spec.rows, daysPerKey: spec.days, createTable: createTable, directory: directory)
            return StageOutput(seconds: seconds, rows: spec.rows)
        case .publish:
            let url = try PostgresURL(ProcessInfo.processInfo.environment[StageSpec.postgresURLVariable] ?? "")
            let publisher = PostgresPublisher(destination: PostgresDestination(name: "bench", url: url, schema: "outreach"),
                                              logger: logger)
            let summary = try await publisher.publish(try Warehouse(url: warehouseURL), runID: nil)
            return StageOutput(seconds: summary.seconds, rows: summary.totalRows)
        }
    }

    /// The report stage: one format, the way `etl report` writes it.
    static func writeReport(_ format: ReportFormat, from warehouse: Warehouse, at url: URL, to directory: URL,
                            logger: Logger) throws -> [URL] {
        let runner = PipelineRunner(configuration: configuration(url, reports: directory, formats: [format]), logger: logger)
        return try runner.report(warehouse)
    }

    private static func extract(_ spec: StageSpec, warehouse url: URL, logger: Logger) async throws -> StageOutput {
        let warehouse = try Warehouse(url: url)
        let sources = spec.sources.map(\.configuration)
        let runner = PipelineRunner(configuration: configuration(url, reports: nil, sources: sources), logger: logger)
        let log = RunLog(warehouse: warehouse)
        let runID = try log.beginRun(command: "extract")
        let before = try totalChanges(warehouse)
        let clock = ContinuousClock()
        let start = clock.now
        let outcomes = try await runner.extract(sources, window: DateWindow(), warehouse: warehouse, runID: runID)
        let seconds = (clock.now - start).timeInterval
        let changed = try totalChanges(warehouse) - before
        try log.finishRun(runID, status: outcomes.allSatisfy { $0.status == .ok } ? .ok : .failed)
        return StageOutput(seconds: seconds, sources: outcomes.map {
            StageOutput.SourceResult(name: $0.source, status: $0.status, apiCalls: $0.apiCalls, pages: $0.pages, error: $0.error)
        }, rowsChanged: changed)
    }

    static func configuration(_ warehouse: URL, reports: URL?, formats: [ReportFormat] = ReportFormat.allCases,
                              sources: [SourceConfiguration] = []) -> PipelineConfiguration {
        PipelineConfiguration(warehouse: warehouse,
                              reportsDirectory: reports ?? warehouse.deletingLastPathComponent().appendingPathComponent("reports"),
                              formats: formats, sources: sources)
    }

    /// SQLite's `total_changes()` of the pool's writer connection: rows inserted, updated or deleted
    /// since this process opened the warehouse.
    static func totalChanges(_ warehouse: Warehouse) throws -> Int {
        try warehouse.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0 }
    }

    private static func timed<T>(_ body: () throws -> T) throws -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, (clock.now - start).timeInterval)
    }

}
