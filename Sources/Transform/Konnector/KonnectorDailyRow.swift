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
        // A bucket is labelled with the day the vendor wrote, even when a time and offset follow it:
        // moving `2025-05-02T00:00:00+05:30` to UTC would file the day's figures under the day before.
        guard let rawDay = (row["date"] ?? row["day"])?.string,
              let day = DayParts(String(rawDay.prefix(10))).map(\.key) ?? Timestamp.day(fromVendor: rawDay) else {
            return nil
        }
        // A row's own keys say what it counts when the series does not: `replied` only goes with
        // messages, `accepted` only with connections.
        var series = series
        if row["replied"] != nil { series = .messages } else if row["accepted"] != nil { series = .connections }
        var counts = DailyCounts()
        if let count = row["count_data"]?.int ?? row["count"]?.int {
            switch series {
            case .members: counts.membersAdded = count
            case .requests, .connections: counts.requestsSent = count
            case .accepts: counts.requestsAccepted = count
            case .messages: counts.messagesSent = count
            case .mixed: break
            }
        }
        switch series {
        case .connections:
            counts.requestsSent = row["sent"]?.int ?? counts.requestsSent
            counts.requestsAccepted = row["accepted"]?.int
        case .messages:
            counts.messagesSent = row["sent"]?.int ?? counts.messagesSent
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
        counts.dropNegatives()
        return counts.isEmpty ? nil : (day, counts)
    }
}
