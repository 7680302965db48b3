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

    /// The values of the keys a row's shapes use, read straight from the page's bytes: the day as given, each figure
    /// as a whole number (nil where the row has no such key or it holds no number).
    struct Fields {
        var date, day: JSONValue?
        var countData, count, sent, requestsSent, requestsAccepted, messagesSent, messagesReplied, membersAdded: Int64?
        /// Whether the row has the key at all, which says what it counts, and its figure.
        var replied, accepted: Int64??
        /// `connections: {sent, accepted}` and `messages: {sent, replied}`; nil unless the key holds an object.
        var connections, messages: Counts?

        /// The figures of a nested `{sent, accepted, replied}` object, read without building it.
        struct Counts {
            var sent, accepted, replied: Int64?

            /// The object at the reader (the last of a key given twice); nil for any other value.
            static func read(_ reader: inout JSONReader) throws(JSONValue.ParseError) -> Counts? {
                guard try reader.peek() == .object else {
                    try reader.skipValue()
                    return nil
                }
                var counts = Counts()
                try reader.readObject { (reader: inout JSONReader, key: JSONKey) throws(JSONValue.ParseError) in
                    switch key {
                    case "sent": counts.sent = try reader.readValue().int
                    case "accepted": counts.accepted = try reader.readValue().int
                    case "replied": counts.replied = try reader.readValue().int
                    default: try reader.skipValue()
                    }
                }
                return counts
            }
        }

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
                case "count_data": fields.countData = try reader.readValue().int
                case "count": fields.count = try reader.readValue().int
                case "sent": fields.sent = try reader.readValue().int
                case "replied": fields.replied = .some(try reader.readValue().int)
                case "accepted": fields.accepted = .some(try reader.readValue().int)
                case "connections": fields.connections = try Counts.read(&reader)
                case "messages": fields.messages = try Counts.read(&reader)
                case "requests_sent": fields.requestsSent = try reader.readValue().int
                case "requests_accepted": fields.requestsAccepted = try reader.readValue().int
                case "messages_sent": fields.messagesSent = try reader.readValue().int
                case "messages_replied": fields.messagesReplied = try reader.readValue().int
                case "members_added": fields.membersAdded = try reader.readValue().int
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
        if let count = row.countData ?? row.count {
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
            counts.requestsSent = row.sent ?? counts.requestsSent
            counts.requestsAccepted = row.accepted ?? nil
        case .messages:
            counts.messagesSent = row.sent ?? counts.messagesSent
            counts.messagesReplied = row.replied ?? nil
        default: break
        }
        if let connections = row.connections {
            counts.requestsSent = connections.sent ?? counts.requestsSent
            counts.requestsAccepted = connections.accepted ?? counts.requestsAccepted
        }
        if let messages = row.messages {
            counts.messagesSent = messages.sent ?? counts.messagesSent
            counts.messagesReplied = messages.replied ?? counts.messagesReplied
        }
        counts.requestsSent = row.requestsSent ?? counts.requestsSent
        counts.requestsAccepted = row.requestsAccepted ?? counts.requestsAccepted
        counts.messagesSent = row.messagesSent ?? counts.messagesSent
        counts.messagesReplied = row.messagesReplied ?? counts.messagesReplied
        counts.membersAdded = row.membersAdded ?? counts.membersAdded
        counts.dropNegatives()
        return counts.isEmpty ? nil : (day, counts)
    }
}
