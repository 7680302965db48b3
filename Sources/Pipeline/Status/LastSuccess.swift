import Foundation

/// A source's latest successful extraction (by `etl run` or `etl extract`), from the run log.
public struct LastSuccess: Sendable, Equatable {
    public var source: String
    /// When the run that extracted it started: what schedules count from, so a long run does not
    /// push the next one later every day.
    public var runStartedAt: Date
    /// When the source's extraction finished: its last good data, as reports and `etl status` show it.
    public var finishedAt: Date

    public init(source: String, runStartedAt: Date, finishedAt: Date) {
        self.source = source
        self.runStartedAt = runStartedAt
        self.finishedAt = finishedAt
    }
}
