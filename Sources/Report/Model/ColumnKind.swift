/// How a report column is formatted, derived from its name.
public enum ColumnKind: Sendable {
    case text, count, rate, date, timestamp
    /// A duration in minutes, such as a time to reply.
    case minutes

    /// The columns that hold counts, by name.
    static let countColumns: Set<String> = [
        "requests_sent", "requests_accepted", "messages_sent", "messages_replied",
        "members", "requests", "messages_in", "messages_out", "replied_threads", "threads",
        // A thread's or a person's `replied` is 0 or 1, but a step's and the people reached's is a count (98,493 at
        // the bench's full size): one kind for both, so no view's figure outgrows its column's type.
        "replied",
        "campaigns", "invitations", "accepted", "pending", "sources", "people", "invited", "messaged",
        "conversations", "replied_conversations", "auto_replies", "genuine_replies", "positive", "negative", "referral",
        "neutral", "follow_ups_before_reply", "step", "conversations_reaching_step", "genuine_replies_after_step",
        "weekday", "hour", "conversations_started",
    ]

    /// The kind of a column named `name`: `*_rate`, `*_minutes`, `date`, `*_at`, the count columns, else text.
    public init(columnName name: String) {
        if name.hasSuffix("_rate") {
            self = .rate
        } else if name.hasSuffix("_minutes") {
            self = .minutes
        } else if name == "date" {
            self = .date
        } else if name.hasSuffix("_at") {
            self = .timestamp
        } else if Self.countColumns.contains(name) {
            self = .count
        } else {
            self = .text
        }
    }

    /// Whether the column holds figures that read best right-aligned.
    var isNumeric: Bool {
        switch self {
        case .count, .rate, .minutes: true
        case .text, .date, .timestamp: false
        }
    }
}
