import Chronology
import Extract
import Foundation
import Logging
import Report
import Transform
import Warehouse

/// Runs the stages (extract, transform, report) for a configuration: the engine behind every command.
public struct PipelineRunner: Sendable {
    public let configuration: PipelineConfiguration
    let environment: [String: String]
    private let client: any HTTPClient
    private let retry: RetryPolicy
    let logger: Logger
    private let progress: (any ProgressReporter)?
    /// What the extractors' waits (rate budgets, retries, polling) and run deadlines are measured on.
    private let time: any TimeSource

    /// - Parameter environment: where `*_env` secrets are looked up; the process environment by default.
    /// - Parameter time: the machine's clock by default; a test's `ManualTime` runs the waits in virtual time.
    public init(configuration: PipelineConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment,
                client: any HTTPClient = NIOHTTPClient(), retry: RetryPolicy = RetryPolicy(),
                logger: Logger = Logger(label: "etl"), progress: (any ProgressReporter)? = nil,
                time: any TimeSource = SystemTime()) {
        self.time = time
        self.configuration = configuration
        self.environment = environment
        self.client = client
        self.retry = retry
        self.logger = logger
        self.progress = progress
    }

    /// Takes the configured warehouse's run lock (see `WarehouseLock`).
    public func lockWarehouse() throws -> WarehouseLock {
        try WarehouseLock(warehouse: configuration.warehouse)
    }

    /// Opens (creating and migrating when needed) the configured warehouse.
    public func openWarehouse() throws -> Warehouse {
        try Warehouse(url: configuration.warehouse)
    }

    /// The sources named (all when `names` is empty); an unknown name is a configuration error.
    public func selectSources(_ names: [String]) throws(ConfigurationError) -> [SourceConfiguration] {
        guard !names.isEmpty else { return configuration.sources }
        return try names.map { name throws(ConfigurationError) in
            guard let source = configuration.sources.first(where: { $0.name == name }) else {
                throw ConfigurationError(file: nil, "no source named \"\(name)\" in the configuration")
            }
            return source
        }
    }

    /// Checks that every environment variable the sources name is set, before any of them runs:
    /// a missing secret is a configuration error naming the source, the key and the variable.
    public func requireSecrets(of sources: [SourceConfiguration]) throws(ConfigurationError) {
        for source in sources {
            for (key, variable) in source.secretVariables { _ = try secret(variable, key, of: source) }
        }
    }

    /// The value of the environment variable `variable`, which `source` names under `key`.
    private func secret(_ variable: String, _ key: String, of source: SourceConfiguration) throws(ConfigurationError) -> String {
        guard let value = environment[variable], !value.isEmpty else {
            throw ConfigurationError(file: nil, "source \"\(source.name)\": the environment variable \(variable) (\(key)) is not set")
        }
        return value
    }

    /// The commands that hold the warehouse lock for their whole run and record it in the run log
    /// (`listen` and `webhook` serve for hours without it, beside runs, so they are not among them).
    public static let lockingCommands = ["run", "extract", "import"]

    /// Records the start of a `command` run (one of `lockingCommands`) under the warehouse lock.
    /// Runs of those commands still `running` are marked `interrupted` first: they were killed, or
    /// failed before they could record their end, since holding the lock proves none is still going.
    public func beginRun(_ command: String, in warehouse: Warehouse, holding lock: WarehouseLock) throws -> Int64 {
        try StorageError.naming("run log", in: warehouse) {
            let log = RunLog(warehouse: warehouse)
            let interrupted = try log.markInterrupted(commands: Self.lockingCommands)
            if interrupted > 0 { logger.warning("\(interrupted) earlier run(s) never finished; marked \(RunStatus.interrupted.rawValue)") }
            return try log.beginRun(command: command)
        }
    }

    /// Extracts each source in turn; one source failing never stops the others. A warehouse error
    /// names the warehouse and the source it was written for.
    public func extract(_ sources: [SourceConfiguration], window: DateWindow, warehouse: Warehouse,
                        runID: Int64) async throws -> [SourceOutcome] {
        var outcomes: [SourceOutcome] = []
        for source in sources {
            outcomes.append(try await StorageError.naming(source.name, in: warehouse) {
                try await extract(source, window: window, warehouse: warehouse, runID: runID)
            })
        }
        return outcomes
    }

    /// One source's extraction, recorded in the run log.
    private func extract(_ source: SourceConfiguration, window: DateWindow, warehouse: Warehouse, runID: Int64) async throws
        -> SourceOutcome {
        let started = Date()
        logger.info("\(source.name): extracting (\(source.kind.rawValue))")
        var outcome = SourceOutcome(source: source.name, kind: source.kind.rawValue, status: .ok, startedAt: started, finishedAt: started)
        do {
            let (settings, authenticator) = try settings(for: source, window: window,
                                                         bookmark: try Bookmarks(warehouse: warehouse).value(source: source.name, endpoint: "window"))
            let session = FetchSession(source: settings, client: client, warehouse: warehouse, runID: runID,
                                       budget: RateBudget(window: settings.rateWindow, time: time), logger: logger,
                                       authenticator: authenticator, progress: progress, time: time)
            defer { progress?.finish(source: source.name) }
            defer { outcome.finishedAt = Date() }
            do {
                guard let extractor = Extractors.extractor(for: source.kind) else {
                    throw ExtractError(source: source.name, endpoint: "-", cause: .configuration("kind \(source.kind.rawValue) is not supported"))
                }
                try await session.withinRunDeadline { try await extractor.extract(session) }
            } catch {
                outcome.status = .failed
                outcome.error = String(describing: StorageError.naming(error, scope: source.name, warehouse: warehouse))
            }
            let statistics = await session.statistics()
            outcome.pages = statistics.pages
            outcome.rows = statistics.rows
            outcome.apiCalls = statistics.apiCalls
            outcome.retries = statistics.retries
            outcome.rateLimited = statistics.rateLimited
        } catch {
            outcome.status = .failed
            outcome.error = String(describing: StorageError.naming(error, scope: source.name, warehouse: warehouse))
            outcome.finishedAt = Date()
        }
        if let error = outcome.error {
            logger.error("\(error)")
        } else {
            // Only a complete, ordinary run moves the bookmark; a backfill leaves it alone.
            if window.since == nil && window.until == nil {
                try Bookmarks(warehouse: warehouse).set(source: source.name, endpoint: "window", value: Self.today(started))
            }
            logger.info("\(source.name): \(outcome.pages) pages, \(outcome.rows) rows in \(outcome.apiCalls) API calls (\(outcome.retries) retries, \(outcome.rateLimited) rate-limited)")
        }
        try RunLog(warehouse: warehouse).recordSource(outcome, runID: runID)
        return outcome
    }

    /// Loads the raw pages not loaded yet (all of them with `rebuild`) into the star schema.
    @discardableResult
    public func transform(_ warehouse: Warehouse, rebuild: Bool) throws -> TransformSummary {
        let summary = try StorageError.naming("transform", in: warehouse) {
            // The zone and the limits first: a change to them recomputes the stored views, which the transform
            // would otherwise have just computed (a new warehouse's first transform then computes them once).
            try ReportZone.use(configuration.reportZone, in: warehouse)
            try configuration.reportLimits.use(in: warehouse)
            let loaded = try Transformer(warehouse: warehouse).run(rebuild: rebuild)
            try warehouse.checkpoint()
            return loaded
        }
        for problem in summary.problems { logger.warning("\(problem)") }
        let how = summary.reclassified
            ? " (rebuild: the reply rules or the normalisers changed since the star schema was loaded; every raw page is read again)"
            : summary.rebuilt ? " (rebuild)" : ""
        let refresh = summary.refreshSeconds > 0
            ? String(format: "; reporting views computed in %.1f s, %d stored rows written", summary.refreshSeconds, summary.storedRowsWritten) : ""
        logger.info("transform: \(summary.pagesLoaded) raw pages loaded\(how)\(refresh)")
        return summary
    }

    /// Renders the reports from the views; returns the files written.
    public func report(_ warehouse: Warehouse, generatedAt: Date = Date()) throws -> [URL] {
        let model = try StorageError.naming("report", in: warehouse) {
            try ReportZone.use(configuration.reportZone, in: warehouse)
            try configuration.reportLimits.use(in: warehouse)
            let health = try RunLog(warehouse: warehouse).sourceHealth().map {
                SourceHealth(name: $0.source, kind: $0.kind, status: $0.status, lastSuccessAt: $0.lastSuccessAt, error: $0.error)
            }
            return try ReportModel.load(from: warehouse.pool, generatedAt: generatedAt, sources: health,
                                        formats: configuration.formats)
        }
        let files = try ReportWriter(csvByteOrderMark: configuration.csvByteOrderMark)
            .write(model, formats: configuration.formats, to: configuration.reportsDirectory)
        logger.info("report: \(files.count) files in \(configuration.reportsDirectory.path)")
        return files
    }

    /// The whole run: extract the selected sources, transform, report. The outcome says which sources
    /// failed; a missing secret stops it before anything runs, and a run that throws is logged `failed`.
    public func run(sources names: [String] = [], window: DateWindow = DateWindow()) async throws -> RunResult {
        let sources = try selectSources(names)
        try requireSecrets(of: sources)
        let lock = try lockWarehouse()
        defer { lock.release() }
        let warehouse = try openWarehouse()
        let log = RunLog(warehouse: warehouse)
        let runID = try beginRun("run", in: warehouse, holding: lock)
        do {
            let outcomes = try await extract(sources, window: window, warehouse: warehouse, runID: runID)
            try transform(warehouse, rebuild: false)
            let files = try report(warehouse)
            var result = RunResult(outcomes: outcomes, files: files)
            try StorageError.naming("run log", in: warehouse) {
                try log.finishRun(runID, status: result.succeeded ? .ok : .failed)
                try warehouse.checkpoint()
            }
            // A destination that fails fails alone: the warehouse and the reports are already written.
            if result.succeeded, !configuration.destinations.isEmpty {
                result.publish = try await publish(warehouse, runID: runID)
            }
            return result
        } catch {
            // When the warehouse cannot take even this, the next run marks this one interrupted.
            try? log.finishRun(runID, status: .failed)
            throw error
        }
    }

    /// The source's settings with its secrets resolved from the environment, and the
    /// authenticator of vendors that log in.
    public func settings(for source: SourceConfiguration, window: DateWindow = DateWindow(), bookmark: String? = nil) throws
        -> (SourceSettings, (any Authenticator)?) {
        func secret(_ variable: String?, _ key: String) throws(ConfigurationError) -> String? {
            guard let variable else { return nil }
            return try self.secret(variable, key, of: source)
        }
        var headers: [String: String] = [:]
        var authenticator: (any Authenticator)?
        let apiKey = try secret(source.apiKeyEnv, "api_key_env")
        let email = try secret(source.emailEnv, "email_env")
        let password = try secret(source.passwordEnv, "password_env")
        let apiSecret = try secret(source.apiSecretEnv, "api_secret_env")
        let webhookSecret = try secret(source.webhookSecretEnv, "webhook_secret_env")
        if let apiKey { headers = source.kind.authHeaders(apiKey: apiKey, apiSecret: apiSecret) }
        if source.kind.logsIn, let email, let password { authenticator = WeConnectLogin(email: email, password: password) }
        let isBackfill = window.since != nil || window.until != nil
        let incrementalStart = bookmark.flatMap { Self.day($0, minus: source.lookbackDays) } ?? source.startDate
        var settings = SourceSettings(name: source.name, kind: source.kind, baseURL: source.baseURL, authHeaders: headers,
                                      secrets: [apiKey, password, apiSecret, webhookSecret].compactMap { $0 },
                                      startDate: isBackfill ? (window.since ?? source.startDate) : incrementalStart,
                                      endDate: window.until, pageSize: source.pageSize, retry: retry,
                                      rateWindow: .milliseconds(Int(source.rateWindowSeconds * 1000)),
                                      lookbackDays: source.lookbackDays, dailyLimit: source.dailyLimit)
        settings.historyStart = isBackfill ? window.since ?? source.startDate : source.startDate
        settings.isBackfill = isBackfill
        settings.accountIDs = source.accountID.map { [$0] } ?? []
        settings.requestWindow = source.hourlyLimit.map { ($0, 3_600) }
        settings.resultHandling = source.resultHandling
        // The vendor's deliveries prove themselves with the shared secret in the URL they are given.
        settings.webhookURL = source.webhookURL.map { url in
            guard let webhookSecret, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "token", value: webhookSecret)]
            return components.url ?? url
        }
        settings.statusChecksPerRun = source.statusChecksPerRun
        settings.requestTimeout = source.requestTimeout
        settings.runTimeout = source.runTimeout
        // We-Link's allowance is per account, so the account is part of the credential's name.
        if let account = source.accountID { settings.credential += ":" + account }
        return (settings, authenticator)
    }

    /// The UTC day of `date`.
    static func today(_ date: Date) -> String {
        String(date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(10))
    }

    /// `day` (`YYYY-MM-DD`) moved back by `days`.
    static func day(_ day: String, minus days: Int) -> String? {
        guard let parts = DayParts(day),
              let date = Timestamp.utcCalendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day))
        else { return nil }
        return today(date.addingTimeInterval(-Double(days) * 86_400))
    }
}

/// The days a run reads: `--since` / `--until`, each optional.
public struct DateWindow: Sendable {
    public var since: String?
    public var until: String?

    public init(since: String? = nil, until: String? = nil) {
        self.since = since
        self.until = until
    }
}

/// What a run did, per source, and the report files it wrote.
public struct RunResult: Sendable {
    public var outcomes: [SourceOutcome]
    public var files: [URL]
    /// The publish to the destinations that followed a successful run, when the file names any.
    public var publish: PublishResult?

    /// True when every source succeeded.
    public var succeeded: Bool { outcomes.allSatisfy { $0.status == .ok } }
}

extension DateWindow {
    /// Whether `text` is a real `YYYY-MM-DD` day.
    public static func isDay(_ text: String) -> Bool { DayParts.isDay(text) }
}
