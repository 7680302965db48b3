import Warehouse

/// Reads Konnector's daily rows, whose shape its document leaves open ("// Daily statistics...").
///
/// Shapes accepted, as seen in the vendor's public material: `{date, count_data}` (the series
/// says what is counted), `{date, sent, replied}` / `{date, sent, accepted}` (the series says
/// whether messages or connections), `{date, connections: {sent, accepted}, messages: {sent,
/// replied}}`, and explicitly named keys (`requests_sent`, `requests_accepted`, `messages_sent`,
/// `messages_replied`, `members_added`). Unknown keys are ignored.
enum KonnectorDailyRow {
    /// What a series counts, which gives meaning to its rows' unnamed figures.
    enum Series {
        case members, requests, accepts, connections, messages, mixed
    }

    /// The row's UTC day and counts, or nil when it has no usable day or no figure.
    static func decode(_ row: JSONValue, series: Series) -> (day: String, counts: DailyCounts)? {
        guard let rawDay = (row["date"] ?? row["day"])?.string, let day = Timestamp.day(fromVendor: rawDay) else {
            return nil
        }
        var counts = DailyCounts()
        if let count = row["count_data"]?.int ?? row["count"]?.int {
            switch series {
            case .members: counts.membersAdded = count
            case .requests: counts.requestsSent = count
            case .accepts: counts.requestsAccepted = count
            case .connections, .messages, .mixed: break
            }
        }
        switch series {
        case .connections:
            counts.requestsSent = row["sent"]?.int
            counts.requestsAccepted = row["accepted"]?.int
        case .messages:
            counts.messagesSent = row["sent"]?.int
            counts.messagesReplied = row["replied"]?.int
        default: break
        }
        if let connections = row["connections"] {
            counts.requestsSent = connections["sent"]?.int ?? counts.requestsSent
            counts.requestsAccepted = connections["accepted"]?.int ?? counts.requestsAccepted
        }
        if let messages = row["messages"] {
            counts.messagesSent = messages["sent"]?.int ?? counts.messagesSent
            counts.messagesReplied = messages["replied"]?.int ?? counts.messagesReplied
        }
        counts.requestsSent = row["requests_sent"]?.int ?? counts.requestsSent
        counts.requestsAccepted = row["requests_accepted"]?.int ?? counts.requestsAccepted
        counts.messagesSent = row["messages_sent"]?.int ?? counts.messagesSent
        counts.messagesReplied = row["messages_replied"]?.int ?? counts.messagesReplied
        counts.membersAdded = row["members_added"]?.int ?? counts.membersAdded
        return counts.isEmpty ? nil : (day, counts)
    }
}
