import Extract
import Foundation
import Warehouse

/// What `etl status` prints: the latest runs, each source's schedule and health, bookmarks, API
/// budgets and data-quality warnings, read from the configuration and the warehouse at one moment.
public struct StatusReport: Sendable {
    /// The first line: the warehouse and the moment the report was taken.
    public var heading: String
    public var sections: [StatusSection]

    /// The section titles, in the order they are printed.
    public static let titles = ["Last runs", "Sources", "Bookmarks", "API budget", "Data-quality warnings", "Weekly caps"]

    public init(heading: String, sections: [StatusSection]) {
        self.heading = heading
        self.sections = sections
    }

    /// Reads everything from `warehouse`; works on a fresh, empty warehouse.
    public static func gather(configuration: PipelineConfiguration, warehouse: Warehouse, now: Date = Date()) throws -> StatusReport {
        let history = RunHistory(warehouse: warehouse)
        let latest = try history.latestSourceRuns()
        return StatusReport(
            heading: "Warehouse \(warehouse.url.path), status at \(StatusFormat.time(now))",
            sections: [
                try lastRuns(history.recentRuns(limit: 10), latest: latest),
                sources(configuration, successes: try history.lastSuccesses(), latest: latest, now: now),
                try bookmarks(Bookmarks(warehouse: warehouse).all()),
                try apiBudget(warehouse, now: now),
                try qualityWarnings(warehouse),
                try weeklyCaps(warehouse, now: now),
            ])
    }

    /// Plain text, one blank line between sections; every `secrets` value, in any spelling
    /// (see `Redactor`), is replaced by `[redacted]`, and control characters in
    /// vendor data by spaces, so each row stays one line.
    public func render(redacting secrets: [String] = []) -> String {
        let redactor = Redactor(secrets: secrets)
        let clean: (String) -> String = { text in
            let redacted = redactor.redact(text)
            return String(redacted.map { $0.isNewline || $0 == "\t" || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true ? " " : $0 })
        }
        var lines = [clean(heading)]
        for section in sections {
            lines.append("")
            lines += section.render(clean: clean)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
