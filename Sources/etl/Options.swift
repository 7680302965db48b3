import ArgumentParser
import Extract
import Foundation
import Logging
import Pipeline

/// `--config FILE`, shared by every command that works on a configured warehouse.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The TOML configuration file.")
    var config: String

    func load() throws -> PipelineConfiguration {
        try PipelineConfiguration.load(from: URL(fileURLWithPath: config))
    }
}

/// `--csv-bom`, for the commands that write reports.
struct ReportOptions: ParsableArguments {
    @Flag(name: .customLong("csv-bom"), help: "Start CSV files with the UTF-8 byte-order mark, for Excel on Windows.")
    var csvByteOrderMark = false

    /// The configuration with the flag applied (the flag can only turn the mark on).
    func apply(to configuration: PipelineConfiguration) -> PipelineConfiguration {
        var configuration = configuration
        configuration.csvByteOrderMark = configuration.csvByteOrderMark || csvByteOrderMark
        return configuration
    }
}

/// `--quiet` and `--verbose`.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print debugging detail.")
    var verbose = false

    /// Sets up logging to stderr and returns the command's logger.
    func logger() -> Logger {
        let level: Logger.Level = quiet ? .warning : (verbose ? .debug : .info)
        LoggingBootstrap.once(level: level)
        var logger = Logger(label: "etl")
        logger.logLevel = level
        return logger
    }

    /// A live progress line when stderr is a terminal and the user did not ask for quiet.
    var progress: (any ProgressReporter)? {
        !quiet && TerminalProgress.isTerminal ? TerminalProgress() : nil
    }
}

/// `--source`, `--since`, `--until`.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Only this source (repeatable).")
    var source: [String] = []

    @Option(name: .long, help: "Read from this day (YYYY-MM-DD) instead of the source's start.")
    var since: String?

    @Option(name: .long, help: "Read up to this day (YYYY-MM-DD).")
    var until: String?

    var window: DateWindow { DateWindow(since: since, until: until) }

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DateWindow.isDay(value) {
                throw ValidationError("\(name) must be a day, YYYY-MM-DD, not \"\(value)\"")
            }
        }
        if let since, let until, since > until {
            throw ValidationError("--since \(since) is after --until \(until)")
        }
    }
}

/// Installs the stderr log handler once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false

    static func once(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
