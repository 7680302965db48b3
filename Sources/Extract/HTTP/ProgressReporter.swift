/// Hears how a source's extraction advances, for a live progress line on a terminal.
public protocol ProgressReporter: Sendable {
    /// After each page, and while waiting for a rate limit (with the wait's length).
    func update(source: String, statistics: FetchStatistics, waiting: Duration?)
    /// When the source is done, whatever the outcome.
    func finish(source: String)
}
