import GRDB

/// How a run, or one source within it, ended, as the run log stores it (`run.status`, `run_source.status`).
public enum RunStatus: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    /// Started and not finished: live, or killed before it could say so.
    case running
    case ok
    case failed
    /// A run that ended without recording its end (killed, or failed too early), found by the next one.
    case interrupted

    /// The status a run log row stores; a text this build does not know reads as failed.
    public init(stored text: String) {
        self = RunStatus(rawValue: text) ?? .failed
    }
}
