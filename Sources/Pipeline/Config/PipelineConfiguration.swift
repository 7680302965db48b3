import Extract
import Foundation
import Publish
import Report
import Vendors
import Warehouse

/// The configuration file (TOML) as the contract describes it.
public struct PipelineConfiguration: Sendable {
    /// The SQLite warehouse; relative paths in the file are relative to the file.
    public var warehouse: URL
    public var reportsDirectory: URL
    public var formats: [ReportFormat]
    /// CSV files start with the UTF-8 byte-order mark (`[reports] csv_bom`, or `--csv-bom`).
    public var csvByteOrderMark = false
    public var sources: [SourceConfiguration]
    /// Where every successful run publishes the warehouse (`[[destinations]]`).
    public var destinations: [DestinationConfiguration] = []
    /// The zone anchored schedules (`daily at 06:00`) are read in: `[schedule] zone`, UTC by default.
    public var scheduleZone: TimeZone
    /// The zone the reports give local weekdays and hours in (`report_send_time`): `[reports] zone`, UTC by default.
    public var reportZone: TimeZone = PipelineConfiguration.utc
    /// The weekly caps and the pending backlog the reports hold senders to (`[reports] weekly_invitation_cap`,
    /// `weekly_message_cap`, `pending_warning`; the caps overridable per source).
    public var reportLimits = ReportLimits()
    /// What a weekly cap may be, in `[reports]` and in a source alike.
    static let weeklyCapRange: ClosedRange<Int64> = 1...1_000_000

    public init(warehouse: URL, reportsDirectory: URL, formats: [ReportFormat] = ReportFormat.allCases,
                sources: [SourceConfiguration], scheduleZone: TimeZone = PipelineConfiguration.utc) {
        self.warehouse = warehouse
        self.reportsDirectory = reportsDirectory
        self.formats = formats
        self.sources = sources
        self.scheduleZone = scheduleZone
    }

    /// Coordinated universal time, the default zone of schedules and reports.
    public static let utc = TimeZone(identifier: "UTC") ?? .gmt

    /// Reads and checks the file at `url`.
    public static func load(from url: URL) throws(ConfigurationError) -> PipelineConfiguration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: url.path, "cannot read the configuration file")
        }
        return try parse(text, file: url.path, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses and checks configuration text; relative paths resolve against `baseDirectory`.
    public static func parse(_ text: String, file: String? = nil, baseDirectory: URL) throws(ConfigurationError) -> PipelineConfiguration {
        let document: [String: TOMLValue]
        do {
            document = try TOMLParser.parse(text)
        } catch {
            throw ConfigurationError(file: file, error.description)
        }
        let reader = Reader(file: file)
        try reader.allow(document, keys: ["warehouse", "reports", "sources", "schedule", "destinations"], in: "the file")
        let warehouse = try reader.table(document["warehouse"], "[warehouse]")
        try reader.allow(warehouse, keys: ["path"], in: "[warehouse]")
        let reports = try reader.table(document["reports"], "[reports]")
        try reader.allow(reports, keys: ["dir", "formats", "csv_bom", "zone", "weekly_invitation_cap", "weekly_message_cap",
                                         "pending_warning"], in: "[reports]")

        let warehousePath = try reader.string(warehouse["path"], "[warehouse] path") ?? "warehouse.sqlite"
        let reportsPath = try reader.string(reports["dir"], "[reports] dir") ?? "reports"
        var formats = ReportFormat.allCases
        if let list = reports["formats"] {
            guard let items = list.array else { throw reader.error("[reports] formats must be an array of strings") }
            formats = try items.map { item throws(ConfigurationError) in
                guard let name = item.string, let format = ReportFormat(rawValue: name) else {
                    throw reader.error("[reports] formats: unknown format \(item.written); use csv, xlsx or html")
                }
                return format
            }
        }
        let schedule = try reader.table(document["schedule"], "[schedule]")
        try reader.allow(schedule, keys: ["zone"], in: "[schedule]")
        let zone = try reader.zone(schedule["zone"], "[schedule] zone")
        var sources: [SourceConfiguration] = []
        guard let entries = (document["sources"] ?? .array([])).array else {
            throw reader.error("sources must be written as [[sources]] tables")
        }
        var names = Set<String>()
        for (index, entry) in entries.enumerated() {
            let source = try reader.source(entry, number: index + 1)
            guard names.insert(source.name).inserted else {
                throw reader.error("two sources are named \"\(source.name)\"; names must be unique")
            }
            sources.append(source)
        }
        var configuration = PipelineConfiguration(warehouse: resolve(warehousePath, baseDirectory),
                                                  reportsDirectory: resolve(reportsPath, baseDirectory),
                                                  formats: formats, sources: sources, scheduleZone: zone)
        configuration.reportZone = try reader.zone(reports["zone"], "[reports] zone")
        let caps = Self.weeklyCapRange
        if let cap = try reader.integer(reports["weekly_invitation_cap"], "[reports] weekly_invitation_cap", range: caps) {
            configuration.reportLimits.weeklyInvitationCap = cap
        }
        if let cap = try reader.integer(reports["weekly_message_cap"], "[reports] weekly_message_cap", range: caps) {
            configuration.reportLimits.weeklyMessageCap = cap
        }
        if let warning = try reader.integer(reports["pending_warning"], "[reports] pending_warning", range: 0...100_000_000) {
            configuration.reportLimits.pendingWarning = warning
        }
        for source in sources where source.weeklyInvitationCap != nil || source.weeklyMessageCap != nil {
            configuration.reportLimits.sourceCaps[source.name] = (source.weeklyInvitationCap, source.weeklyMessageCap)
        }
        guard let destinations = (document["destinations"] ?? .array([])).array else {
            throw reader.error("destinations must be written as [[destinations]] tables")
        }
        var destinationNames = Set<String>()
        for (index, entry) in destinations.enumerated() {
            let destination = try reader.destination(entry, number: index + 1)
            guard destinationNames.insert(destination.name).inserted else {
                throw reader.error("two destinations are named \"\(destination.name)\"; names must be unique")
            }
            configuration.destinations.append(destination)
        }
        if let bom = reports["csv_bom"] {
            guard let value = bom.boolean else { throw reader.error("[reports] csv_bom must be true or false") }
            configuration.csvByteOrderMark = value
        }
        return configuration
    }

    private static func resolve(_ path: String, _ base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path).standardizedFileURL
    }

    /// Reads typed values out of TOML tables with one-line errors naming the key.
    private struct Reader {
        let file: String?

        func error(_ message: String) -> ConfigurationError { ConfigurationError(file: file, message) }

        func table(_ value: TOMLValue?, _ name: String) throws(ConfigurationError) -> [String: TOMLValue] {
            guard let value else { return [:] }
            guard let table = value.table else { throw error("\(name) must be a table") }
            return table
        }

        func allow(_ table: [String: TOMLValue], keys: Set<String>, in name: String) throws(ConfigurationError) {
            if let unknown = table.keys.sorted().first(where: { !keys.contains($0) }) {
                throw error("unknown key \"\(unknown)\" in \(name); allowed: \(keys.sorted().joined(separator: ", "))")
            }
        }

        func string(_ value: TOMLValue?, _ name: String) throws(ConfigurationError) -> String? {
            guard let value else { return nil }
            guard let text = value.string else { throw error("\(name) must be a string") }
            return text
        }

        func destination(_ entry: TOMLValue, number: Int) throws(ConfigurationError) -> DestinationConfiguration {
            guard let table = entry.table else { throw error("destination \(number) must be a table") }
            let label = "destination \(number)"
            try allow(table, keys: ["name", "kind", "url_env", "schema"], in: label)
            guard let name = try string(table["name"], "\(label) name"), !name.isEmpty else { throw error("\(label) has no name") }
            if let problem = SourceName.problem(with: name) { throw error("\(label) \(problem)") }
            let named = "destination \"\(name)\""
            guard let kindName = try string(table["kind"], "\(named) kind") else { throw error("\(named) has no kind") }
            guard let kind = DestinationConfiguration.Kind(rawValue: kindName) else {
                throw error("\(named): unknown kind \"\(kindName)\"; use \(DestinationConfiguration.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let urlEnv = try variable(table, "url_env", of: named) else {
                throw error("\(named) needs url_env, the environment variable that holds its postgres:// URL")
            }
            let schema = try string(table["schema"], "\(named) schema") ?? DestinationConfiguration.defaultSchema
            guard PostgresDestination.isValidSchema(schema) else {
                throw error("\(named) schema \(TOMLValue.quoted(schema)) must be 1 to 63 letters, digits and underscores, not starting with a digit")
            }
            return DestinationConfiguration(name: name, kind: kind, urlEnv: urlEnv, schema: schema)
        }

        /// An IANA zone name, UTC when the key is absent.
        func zone(_ value: TOMLValue?, _ name: String) throws(ConfigurationError) -> TimeZone {
            guard let identifier = try string(value, name) else { return PipelineConfiguration.utc }
            guard let zone = TimeZone(identifier: identifier) else {
                throw error("\(name) \"\(identifier)\" is not an IANA time zone name; use one such as \"UTC\" or \"Europe/Berlin\"")
            }
            return zone
        }

        /// A `*_env` key: the name of an environment variable, so never empty.
        func variable(_ table: [String: TOMLValue], _ key: String, of source: String) throws(ConfigurationError) -> String? {
            guard let name = try string(table[key], "\(source) \(key)") else { return nil }
            guard !name.isEmpty else {
                throw error("\(source) \(key) is empty; write the name of the environment variable that holds the secret")
            }
            return name
        }

        func integer(_ value: TOMLValue?, _ name: String, range: ClosedRange<Int64>) throws(ConfigurationError) -> Int? {
            guard let value else { return nil }
            guard let number = value.integer, range.contains(number) else {
                throw error("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return Int(number)
        }

        func source(_ entry: TOMLValue, number: Int) throws(ConfigurationError) -> SourceConfiguration {
            guard let table = entry.table else { throw error("source \(number) must be a table") }
            let label = "source \(number)"
            try allow(table, keys: ["name", "kind", "base_url", "api_key_env", "email_env", "password_env", "schedule",
                                    "lookback_days", "start_date", "page_size", "rate_window_seconds", "socket_url", "daily_limit",
                                    "api_secret_env", "account_id", "hourly_limit", "result_handling", "webhook_url",
                                    "webhook_secret_env", "status_checks_per_run", "request_timeout_seconds",
                                    "run_timeout_minutes", "weekly_invitation_cap", "weekly_message_cap"], in: label)
            guard let name = try string(table["name"], "\(label) name"), !name.isEmpty else {
                throw error("\(label) has no name")
            }
            if let problem = SourceName.problem(with: name) { throw error("\(label) \(problem)") }
            let named = "source \"\(name)\""
            guard let kindName = try string(table["kind"], "\(named) kind") else { throw error("\(named) has no kind") }
            guard let kind = SourceKind(rawValue: kindName), kind.isFetched else {
                let known = SourceKind.configurable.map(\.rawValue).joined(separator: ", ")
                throw error(kindName == SourceKind.linkedInMobile.rawValue
                    ? "\(named): kind \"\(kindName)\" is not read over an API; bring its files in with `etl import`"
                    : "\(named): unknown kind \"\(kindName)\"; use one of \(known)")
            }
            guard let urlText = try string(table["base_url"], "\(named) base_url"), let url = URL(string: urlText),
                  ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw error("\(named) needs base_url, an http(s) URL")
            }
            let apiKeyEnv = try variable(table, "api_key_env", of: named)
            if kind.needsAPIKey, apiKeyEnv == nil {
                throw error("\(named) needs api_key_env, the environment variable that holds its API key")
            }
            let apiSecretEnv = try variable(table, "api_secret_env", of: named)
            var accountID = table["account_id"]?.integer.map { String($0) }
            if accountID == nil { accountID = try string(table["account_id"], "\(named) account_id") }
            let resultHandlingName = try string(table["result_handling"], "\(named) result_handling")
            guard let resultHandling = LinkedAPIResultHandling(rawValue: resultHandlingName ?? LinkedAPIResultHandling.long.rawValue) else {
                throw error("\(named) result_handling must be one of \(LinkedAPIResultHandling.listed)")
            }
            var webhookURL: URL?
            if let text = try string(table["webhook_url"], "\(named) webhook_url") {
                guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw error("\(named) webhook_url must be an http(s) URL")
                }
                webhookURL = url
            }
            let webhookSecretEnv = try variable(table, "webhook_secret_env", of: named)
            if resultHandling == .hook, webhookURL == nil || webhookSecretEnv == nil {
                throw error("\(named): result_handling = \"hook\" needs webhook_url (the public URL of `etl webhook serve`) and webhook_secret_env")
            }
            let emailEnv = try variable(table, "email_env", of: named)
            let passwordEnv = try variable(table, "password_env", of: named)
            if kind.logsIn, emailEnv == nil || passwordEnv == nil {
                throw error("\(named) needs email_env and password_env, the environment variables that hold its login")
            }
            let scheduleText = try string(table["schedule"], "\(named) schedule") ?? "daily"
            let scheduleRule: Schedule
            do throws(ScheduleError) {
                scheduleRule = try Schedule(parsing: scheduleText)
            } catch {
                throw self.error("\(named): \(error.description)")
            }
            var startDate: String?
            if let value = table["start_date"] {
                guard let text = value.date ?? value.string, DayParts(text) != nil else {
                    throw error("\(named) start_date must be a date, YYYY-MM-DD")
                }
                startDate = text
            }
            var rateWindow = 60.0
            if let value = table["rate_window_seconds"] {
                guard let seconds = value.float ?? value.integer.map(Double.init), seconds > 0 else {
                    throw error("\(named) rate_window_seconds must be a positive number")
                }
                rateWindow = seconds
            }
            var socketURL: URL?
            if let text = try string(table["socket_url"], "\(named) socket_url") {
                guard let url = URL(string: text), ["ws", "wss"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw error("\(named) socket_url must be a ws:// or wss:// URL")
                }
                socketURL = url
            }
            var source = SourceConfiguration(
                name: name, kind: kind, baseURL: url, apiKeyEnv: apiKeyEnv,
                emailEnv: emailEnv, passwordEnv: passwordEnv,
                schedule: scheduleRule,
                lookbackDays: try integer(table["lookback_days"], "\(named) lookback_days", range: 0...3650) ?? 14,
                startDate: startDate,
                pageSize: try integer(table["page_size"], "\(named) page_size", range: 1...1000),
                rateWindowSeconds: rateWindow, socketURL: socketURL,
                dailyLimit: try integer(table["daily_limit"], "\(named) daily_limit", range: 1...10_000_000))
            source.schedule = scheduleText
            source.apiSecretEnv = apiSecretEnv
            source.accountID = accountID
            source.resultHandling = resultHandling
            source.webhookURL = webhookURL
            source.webhookSecretEnv = webhookSecretEnv
            if let limit = try integer(table["hourly_limit"], "\(named) hourly_limit", range: 1...1_000_000) { source.hourlyLimit = limit }
            if let checks = try integer(table["status_checks_per_run"], "\(named) status_checks_per_run", range: 0...100_000) {
                source.statusChecksPerRun = checks
            }
            if let seconds = try integer(table["request_timeout_seconds"], "\(named) request_timeout_seconds", range: 1...86_400) {
                source.requestTimeout = .seconds(seconds)
            }
            if let minutes = try integer(table["run_timeout_minutes"], "\(named) run_timeout_minutes", range: 1...10_080) {
                source.runTimeout = .seconds(minutes * 60)
            }
            let caps = PipelineConfiguration.weeklyCapRange
            source.weeklyInvitationCap = try integer(table["weekly_invitation_cap"], "\(named) weekly_invitation_cap", range: caps)
            source.weeklyMessageCap = try integer(table["weekly_message_cap"], "\(named) weekly_message_cap", range: caps)
            return source
        }
    }
}
