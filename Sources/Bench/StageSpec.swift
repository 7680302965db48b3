import Foundation
import Warehouse

/// What a child process measures: one stage, on one warehouse. Written to a file by the harness,
/// read by `etl-bench --stage FILE`.
struct StageSpec: Codable, Sendable {
    enum Stage: String, Codable, Sendable {
        /// `extract` of `sources` over HTTP.
        case extract
        /// `transform`, `--rebuild` when `rebuild`.
        case transform
        /// `SELECT * FROM view` stepped to its end.
        case view
        /// One report format into `reports`.
        case report
        /// Bare libxlsxwriter writing the cells of `views` into `output`.
        case xlsxBaseline
        /// `rows` daily rows inserted through the SQLite C API (see `Baseline`).
        case insertBaseline
        /// `etl publish` of the warehouse to the PostgreSQL whose URL is in `StageSpec.postgresURLVariable`.
        case publish
    }

    /// The environment variable a publish stage reads its destination's URL from: the password stays out of files.
    static let postgresURLVariable = "BENCH_POSTGRES_URL"

    var stage: Stage
    var warehouse: String
    var sources: [BenchSource] = []
    var rebuild = false
    var view: String?
    var format: String?
    var reports: String?
    var views: [String] = []
    var output: String?
    var rows = 0
    var days = 0
    var scratch: String?
}

/// What a child process reports back on its last line of standard output.
struct StageOutput: Codable, Sendable {
    /// The stage's own time, process start and warehouse opening left out.
    var seconds = 0.0
    /// Extract: one entry per source.
    var sources: [SourceResult] = []
    /// Transform: raw pages loaded and rows changed (SQLite's `total_changes()`).
    var pagesLoaded = 0
    var rowsChanged = 0
    /// Transform: its part spent refreshing the stored reporting views.
    var refreshSeconds = 0.0
    var problems = 0
    /// View: rows stepped through; report, publish and baselines: rows or cells written.
    var rows = 0
    /// Report: every file written, with its size in bytes.
    var files: [FileSize] = []
    /// The process's own peak (`VmHWM`) at the end, bytes: the harness's polling can miss the last moments.
    var peakRSS: UInt64 = 0

    struct SourceResult: Codable, Sendable {
        var name: String
        var status: RunStatus
        var apiCalls: Int
        var pages: Int
        var error: String?
    }

    struct FileSize: Codable, Sendable {
        var path: String
        var bytes: Int
    }
}
