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

    /// One row's day and counts.
    typealias Day = (day: String, counts: DailyCounts)

    /// The values of the keys a row's shapes use, read straight from the page's bytes; nil where the row has no
    /// such key.
    struct Fields {
        var date, day, countData, count, sent, replied, accepted, connections, messages: JSONValue?
        var requestsSent, requestsAccepted, messagesSent, messagesReplied, membersAdded: JSONValue?

        private init() {}

        /// The row at the reader: an object's keys (the last of a key given twice, as in a tree), none for another value.
        init(reading reader: inout JSONReader) throws(JSONValue.ParseError) {
            guard try reader.peek() == .object else {
                try reader.skipValue()
                return
            }
            var fields = Fields()
            try reader.readObject { (reader: inout JSONReader, key: JSONKey) throws(JSONValue.ParseError) in
                switch key {
                case "date": fields.date = try reader.readValue()
                case "day": fields.day = try reader.readValue()
                case "count_data": fields.countData = try reader.readValue()
                case "count": fields.count = try reader.readValue()
                case "sent": fields.sent = try reader.readValue()
                case "replied": fields.replied = try reader.readValue()
                case "accepted": fields.accepted = try reader.readValue()
                case "connections": fields.connections = try reader.readValue()
                case "messages": fields.messages = try reader.readValue()
                case "requests_sent": fields.requestsSent = try reader.readValue()
                case "requests_accepted": fields.requestsAccepted = try reader.readValue()
                case "messages_sent": fields.messagesSent = try reader.readValue()
                case "messages_replied": fields.messagesReplied = try reader.readValue()
                case "members_added": fields.membersAdded = try reader.readValue()
                default: try reader.skipValue()
                }
            }
            self = fields
        }
    }

    /// The rows of the series at the reader (an array; any other value has none), decoded as they are read.
    static func readSeries(_ reader: inout JSONReader, series: Series) throws(JSONValue.ParseError) -> [Day] {
        guard try reader.peek() == .array else {
            try reader.skipValue()
            return []
        }
        var days: [Day] = []
        try reader.readArray { (reader: inout JSONReader) throws(JSONValue.ParseError) in
            if let day = decode(try Fields(reading: &reader), series: series) { days.append(day) }
        }
        return days
    }

    /// The days of several series (or of one listing a day twice) as one row per day, in the order the days first
    /// appear: each later figure replaces an earlier one, each figure left out keeps the earlier one, as upserting
    /// the rows one by one would store them, with one write per day.
    static func merged(_ series: [[Day]]) -> [Day] {
        var days: [Day] = []
        var positions: [String: Int] = [:]
        for rows in series {
            for row in rows {
                if let position = positions[row.day] {
                    days[position].counts = row.counts.filled(from: days[position].counts)
                } else {
                    positions[row.day] = days.count
                    days.append(row)
                }
            }
        }
        return days
    }

    /// The row's UTC day and counts, or nil when it has no usable day or no figure.
    static func decode(_ row: Fields, series: Series) -> Day? {
        // A bucket is labelled with the day the vendor wrote, even when a time and offset follow it:
        // moving `2025-05-02T00:00:00+05:30` to UTC would file the day's figures under the day before.
        guard let rawDay = (row.date ?? row.day)?.string else { return nil }
        let label = rawDay.utf8.count == 10 ? rawDay : String(rawDay.prefix(10))
        guard let day = DayParts.isDay(label) ? label : Timestamp.day(fromVendor: rawDay) else { return nil }
        // A row's own keys say what it counts when the series does not: `replied` only goes with
        // messages, `accepted` only with connections.
        var series = series
        if row.replied != nil { series = .messages } else if row.accepted != nil { series = .connections }
        var counts = DailyCounts()
        if let count = row.countData?.int ?? row.count?.int {
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
            counts.requestsSent = row.sent?.int ?? counts.requestsSent
            counts.requestsAccepted = row.accepted?.int
        case .messages:
            counts.messagesSent = row.sent?.int ?? counts.messagesSent
            counts.messagesReplied = row.replied?.int
        default: break
        }
        if let connections = row.connections {
            counts.requestsSent = connections["sent"]?.int ?? counts.requestsSent
            counts.requestsAccepted = connections["accepted"]?.int ?? counts.requestsAccepted
        }
        if let messages = row.messages {
            counts.messagesSent = messages["sent"]?.int ?? counts.messagesSent
            counts.messagesReplied = messages["replied"]?.int ?? counts.messagesReplied
        }
        counts.requestsSent = row.requestsSent?.int ?? counts.requestsSent
        counts.requestsAccepted = row.requestsAccepted?.int ?? counts.requestsAccepted
        counts.messagesSent = row.messagesSent?.int ?? counts.messagesSent
        counts.messagesReplied = row.messagesReplied?.int ?? counts.messagesReplied
        counts.membersAdded = row.membersAdded?.int ?? counts.membersAdded
        counts.dropNegatives()
        return counts.isEmpty ? nil : (day, counts)
    }
}
