/// How a report column is formatted, derived from its name.
public enum ColumnKind: Sendable {
    case text, count, rate, date, timestamp, flag
    /// A duration in minutes, such as a time to reply.
    case minutes

    /// The columns that hold counts, by name.
    static let countColumns: Set<String> = [
        "requests_sent", "requests_accepted", "messages_sent", "messages_replied",
        "members", "requests", "messages_in", "messages_out", "replied_threads", "threads",
        "campaigns", "invitations", "accepted", "pending", "sources", "people", "invited", "messaged",
        "conversations", "replied_conversations", "auto_replies", "genuine_replies", "positive", "negative", "referral",
        "neutral", "follow_ups_before_reply", "step", "conversations_reaching_step", "genuine_replies_after_step",
        "weekday", "hour", "conversations_started",
    ]

    /// The kind of a column named `name`: `*_rate`, `*_minutes`, `date`, `*_at`, `replied`, the count
    /// columns, else text.
    public init(columnName name: String) {
        if name.hasSuffix("_rate") {
            self = .rate
        } else if name.hasSuffix("_minutes") {
            self = .minutes
        } else if name == "date" {
            self = .date
        } else if name.hasSuffix("_at") {
            self = .timestamp
        } else if name == "replied" {
            self = .flag
        } else if Self.countColumns.contains(name) {
            self = .count
        } else {
            self = .text
        }
    }

    /// Whether the column holds figures that read best right-aligned.
    var isNumeric: Bool {
        switch self {
        case .count, .rate, .flag, .minutes: true
        case .text, .date, .timestamp: false
        }
    }
}
