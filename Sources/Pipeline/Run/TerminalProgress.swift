import Extract
import Foundation
import Warehouse

/// A live progress line per source on a terminal (pages, API calls, rate-limit waits), redrawn in
/// place at most ten times a second. Used only when stderr is a TTY; cron gets plain log lines.
public final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private let output: FileHandle

    public init(output: FileHandle = .standardError) { self.output = output }

    /// Whether stderr is a terminal.
    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    public func update(source: String, statistics: FetchStatistics, waiting: Duration?) {
        let now = ContinuousClock.now
        let shouldDraw = lock.withLock { () -> Bool in
            guard waiting != nil || now - lastDrawn >= .milliseconds(100) else { return false }
            lastDrawn = now
            return true
        }
        guard shouldDraw else { return }
        var line = "\(source): \(statistics.pages) pages, \(statistics.rows) rows, \(statistics.apiCalls) API calls"
        if statistics.retries > 0 { line += ", \(statistics.retries) retries" }
        if let waiting {
            line += ", waiting \(Int(waiting.timeInterval.rounded(.up)))s for the rate limit"
        }
        output.write(Data("\r\u{1B}[2K\(line)".utf8))
    }

    public func finish(source: String) {
        output.write(Data("\r\u{1B}[2K".utf8))
    }
}
