/// Every figure measured at one scale.
struct ScaleResult: Sendable {
    var sizes: ScaleSizes
    /// WeConnect was landed in-process (`InProcessSandboxClient`) rather than fetched over HTTP.
    var weConnectInProcess: Bool
    /// Generating the sandbox's data (not part of the pipeline).
    var generateSeconds: Double
    /// Every stage in the order it ran.
    var stages: [StageFigure] = []
    var firstPull = CallTally()
    var rerun = CallTally()
    /// Rows the second run's extract and its incremental transform wrote (`total_changes()`).
    var rerunExtractRowsChanged = 0
    var rerunTransformRowsChanged = 0
    var rerunTransformPages = 0
    /// Report files: `index.html`, the largest HTML file, and the total of each format, bytes.
    var indexHTMLBytes = 0
    var largestHTML: (path: String, bytes: Int) = ("", 0)
    var reportBytes: [String: Int] = [:]
    var htmlFiles = 0
    /// Rows each `report_` view gave.
    var viewRows: [String: Int] = [:]
    /// Rows the first publish to PostgreSQL wrote, and rows the `psql \copy` reference loaded (the same, when both are right).
    var publishedRows = 0
    var psqlRows = 0
    /// The in-process landing compared with the extractor's own over HTTP, where it was checked.
    var landingCheck: WeConnectThreadLanding.Check?

    func stage(_ name: String) -> StageFigure? { stages.first { $0.name == name } }

    /// Konnector daily rows per second of its own transform's load (the views' refresh after it left out).
    var konnectorRowsPerSecond: Double? {
        stage(StageName.transformKonnector).map { Double(sizes.konnectorDailyRows) / max(Self.loadSeconds($0), 1e-9) }
    }

    /// WeConnect messages per second of its own transform's load.
    var weConnectMessagesPerSecond: Double? {
        stage(StageName.transformWeConnect).map { Double(sizes.weConnectMessagesLoaded) / max(Self.loadSeconds($0), 1e-9) }
    }

    /// A transform's time loading pages: its own time without the refresh of the stored views.
    static func loadSeconds(_ stage: StageFigure) -> Double {
        (stage.ownSeconds ?? stage.seconds) - stage.refreshSeconds
    }

    /// Rows per second of the first publish, and of `psql \copy` loading the same tables' CSVs.
    var publishRowsPerSecond: Double? { stage(StageName.publish).map { Double(publishedRows) / max($0.seconds, 1e-9) } }
    var psqlRowsPerSecond: Double? { stage(StageName.psqlCopy).map { Double(psqlRows) / max($0.seconds, 1e-9) } }

    /// The same number of daily rows through the plain C API, per second.
    var baselineRowsPerSecond: Double? {
        stage(StageName.insertBaseline).map { Double(sizes.konnectorDailyRows) / max($0.ownSeconds ?? $0.seconds, 1e-9) }
    }
}
