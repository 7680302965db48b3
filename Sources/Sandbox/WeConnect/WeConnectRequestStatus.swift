/// A submitted action's `request_status`.
///
/// The document shows only `Completed_Success`. Assumptions: an action reads `Pending` until it
/// has been carried out, and `Completed_Failed` when LinkedIn refused it (same naming pattern).
public enum WeConnectRequestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending = "Pending"
    case completedSuccess = "Completed_Success"
    case completedFailed = "Completed_Failed"
}
