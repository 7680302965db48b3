import GRDB

/// Which rows of a table the index shows when it has more than `limit`: the ones that matter most (the latest, the
/// largest), in that order, with the total beside them. A table that fits is shown whole, in the view's order.
struct IndexSelection {
    /// The most rows of one table on the index.
    static let limit = 100

    /// How the rows are ranked: an SQL `ORDER BY` for the views read from the warehouse, or the columns (largest or
    /// latest first) for the tables held in memory.
    enum Rank {
        case sql(String)
        case columns([String])
    }

    let rank: Rank
    /// The order in words, after "Showing 100 of 1,234 rows, ".
    let phrase: String

    /// The selection of each table the index caps; the view's order for any other.
    static func of(_ view: String) -> IndexSelection {
        all[view] ?? IndexSelection(rank: .columns([]), phrase: "in the view's order")
    }

    private static let all: [String: IndexSelection] = [
        "report_threads": .init(rank: .sql("COALESCE(first_reply_at, first_outbound_at) DESC"),
                                phrase: "the latest activity first"),
        "report_daily_activity": .init(rank: .sql("date DESC"), phrase: "the latest days first"),
        "report_sender_summary": .init(rank: .columns(["requests_sent", "messages_sent"]),
                                       phrase: "the most requests sent first"),
        "report_campaign_summary": .init(rank: .columns(["requests_sent", "messages_sent", "members"]),
                                         phrase: "the most requests sent first"),
        "report_request_outcomes": .init(rank: .columns(["requests"]), phrase: "the most requests first"),
        "report_weekly": .init(rank: .columns(["iso_week", "requests_sent", "messages_sent"]),
                               phrase: "the latest weeks first"),
        "report_reply_time": .init(rank: .columns(["replied_threads"]), phrase: "the most replied conversations first"),
        "report_campaign_type_summary": .init(rank: .columns(["campaigns"]), phrase: "the most campaigns first"),
        "report_cohort_acceptance": .init(rank: .columns(["cohort_week"]), phrase: "the latest weeks first"),
        "report_people_reached": .init(rank: .columns(["people"]), phrase: "the most people first"),
        "report_replies": .init(rank: .sql("first_reply_at DESC"), phrase: "the latest replies first"),
        "report_reply_quality": .init(rank: .columns(["conversations"]), phrase: "the most conversations first"),
        "report_follow_up_steps": .init(rank: .sql("conversations_reaching_step DESC"),
                                        phrase: "the steps most conversations reached first"),
        "report_send_time": .init(rank: .sql("conversations_started DESC"), phrase: "the busiest hours first"),
        "report_campaign_steps": .init(rank: .sql("sent DESC"), phrase: "the steps sent most first"),
        "report_pending_invitations": .init(rank: .sql("pending DESC"), phrase: "the largest backlogs first"),
        "report_sender_weekly_load": .init(rank: .sql("iso_week DESC, max(COALESCE(invitation_cap_share, 0), COALESCE(message_cap_share, 0)) DESC"),
                                           phrase: "the latest weeks first, the most loaded senders first in each"),
    ]

    /// At most `limit` rows of `table`, ranked by the selection's columns when it has more.
    func rows(of table: ReportTable) -> ReportTable {
        guard case let .columns(columns) = rank else { return table.top(Self.limit, by: []) }
        return table.top(Self.limit, by: columns)
    }

    /// At most `limit` rows of `view` (which has `total` rows), read from the warehouse: ranked when it has more.
    func rows(of view: ReportView, total: Int, in db: GRDB.Database) throws -> ReportTable {
        guard total > Self.limit, case let .sql(order) = rank else { return try view.table(in: db, limit: Self.limit) }
        return try view.table(in: db, orderedBy: order, limit: Self.limit)
    }

    /// `Showing 100 of 1,234 rows, the latest first.` when `shown` is less than `total`, else `1,234 rows`.
    func caption(shown: Int, total: Int) -> String {
        guard shown < total else { return "\(total) rows" }
        return "Showing \(shown) of \(Self.grouped(total)) rows, \(phrase)."
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
