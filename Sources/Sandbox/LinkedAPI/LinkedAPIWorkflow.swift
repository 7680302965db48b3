/// One submitted workflow and where it is in its life.
struct LinkedAPIWorkflow: Sendable {
    /// A UUID v4 string.
    let id: String
    /// The last path segment of its result link (32 hex digits).
    let hash: String
    let action: LinkedAPIAction
    let handling: LinkedAPIResultHandling
    /// When it finishes, seconds since 1970 with a fraction.
    let dueAt: Double
    /// Order of submission, to break ties between workflows due at the same time.
    let sequence: Int
    /// The `completion` value once finished: one result, or an array when the root has `then`.
    var completion: JSONValue?
}
