import GRDB

/// The limits the reports hold senders to (`[reports] weekly_invitation_cap`, `weekly_message_cap`,
/// `pending_warning`, the caps overridable per source), written into `report_limit` so the views stay plain SQL.
public struct ReportLimits: Sendable, Equatable {
    /// LinkedIn restricts accounts that send much more than about a hundred invitations a week.
    public static let defaultInvitationCap = 100
    public static let defaultMessageCap = 500
    public static let defaultPendingWarning = 500

    public var weeklyInvitationCap = defaultInvitationCap
    public var weeklyMessageCap = defaultMessageCap
    public var pendingWarning = defaultPendingWarning
    /// A source's own caps, by source name; nil leaves the default.
    public var sourceCaps: [String: (invitations: Int?, messages: Int?)] = [:]

    public init() {}

    public static func == (lhs: ReportLimits, rhs: ReportLimits) -> Bool {
        lhs.rows == rhs.rows
    }

    /// The rows of `report_limit` these limits are, sorted by source.
    var rows: [[DatabaseValue]] {
        [["".databaseValue, weeklyInvitationCap.databaseValue, weeklyMessageCap.databaseValue, pendingWarning.databaseValue]]
            + sourceCaps.keys.sorted().map { source in
                let caps = sourceCaps[source]
                return [source.databaseValue, caps?.invitations.databaseValue ?? .null, caps?.messages.databaseValue ?? .null, .null]
            }
    }

    /// Makes these the views' limits, writing (and computing the stored views again) only when they are not already.
    public func use(in warehouse: Warehouse) throws {
        let stored = try warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report_limit ORDER BY source").map { Array($0.databaseValues) }
        }
        guard stored != rows else { return }
        try warehouse.pool.write { db in
            try db.execute(sql: "DELETE FROM report_limit")
            for row in rows {
                try db.execute(sql: "INSERT INTO report_limit VALUES (?, ?, ?, ?)", arguments: StatementArguments(row))
            }
            try ReportingViews.refresh(in: db)
        }
    }
}
