import Foundation
import Warehouse

/// A star schema written straight into a warehouse with SQL, every count a multiple of `scale`
/// (senders, campaigns, prospects, threads, messages, actions, invitations; the 28 days stay), with
/// something for every reporting view: Konnector counters and daily series (some counts off, one
/// day missing here and there), WeConnect conversations and actions, We-Link actions and a threads
/// listing without conversations, Linked API invitations (some people invited twice, one many
/// times), acceptances and conversations, and people reached through several of them.
struct SyntheticStar {
    let scale: Int

    static let firstDay = "2026-10-01"
    static let days = 28
    /// Base counts at scale 1.
    static let konnectorSenders = 4, campaignsPerSender = 3, weConnectSenders = 2, weLinkSenders = 2
    static let prospects = 300, weConnectThreads = 150, weLinkActions = 100, weLinkThreads = 50, invitations = 100
    static let linkedAPIThreads = 30, repeatedInvitations = 40

    /// The four API sources, keyed as `dim_source` keys them (also the id of each one's raw page).
    private enum Source: Int64, CaseIterable {
        case konnector = 1, weConnect, weLink, linkedAPI

        var name: String {
            switch self {
            case .konnector: "acme-konnector"
            case .weConnect: "acme-weconnect"
            case .weLink: "acme-welink"
            case .linkedAPI: "acme-linkedapi"
            }
        }

        var kind: String {
            switch self {
            case .konnector: "konnector"
            case .weConnect: "weconnect"
            case .weLink: "welink"
            case .linkedAPI: "linkedapi"
            }
        }
    }

    /// The day `offset` days after the first, as `YYYY-MM-DD`.
    private static func day(_ offset: Int) -> String {
        String(instant(offset, minutes: 0).prefix(10))
    }

    /// An instant on day `offset` (within the 28 days), `minutes` after its midnight UTC.
    private static func instant(_ offset: Int, minutes: Int) -> String {
        let start = CivilDate(iso: firstDay)?.dayNumber ?? 0
        let seconds = (start + offset % days) * 86_400 + minutes * 60
        return Timestamp.utc(fromEpoch: Double(seconds))
    }

    /// Writes every row; `db` is a fresh warehouse's.
    func fill(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO run (id, command, started_at, status) VALUES (1, 'test', '2026-10-20T00:00:00Z', 'ok')")
        // Page 1 was fetched on day 19, so Konnector's later daily rows are dated in the future.
        for (id, source) in Source.allCases.enumerated() {
            try db.execute(sql: """
                INSERT INTO raw_page (id, run_id, source, kind, endpoint, method, parameters, http_status, fetched_at, body, content_hash)
                VALUES (?, 1, ?, ?, 'test', 'GET', '{}', 200, ?, x'7B7D', 'hash')
                """, arguments: [id + 1, source.name, source.kind, Self.instant(19, minutes: 0)])
        }
        for source in Source.allCases {
            try db.execute(sql: "INSERT INTO dim_source (source_key, name, kind) VALUES (?, ?, ?)",
                           arguments: [source.rawValue, source.name, source.kind])
        }
        for offset in 0..<Self.days {
            guard let parts = DayParts(Self.day(offset)) else { continue }
            try db.execute(sql: "INSERT INTO dim_date VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [parts.key, parts.year, parts.month, parts.day, parts.isoYear, parts.isoWeek, parts.weekday])
        }
        let senders = try insertSenders(db)
        try insertKonnector(db, senders: senders[.konnector] ?? [])
        try insertProspects(db)
        try insertWeConnect(db, senders: senders[.weConnect] ?? [])
        try insertWeLink(db, senders: senders[.weLink] ?? [])
        try insertLinkedAPI(db, senders: senders[.linkedAPI] ?? [])
    }

    private func insertSenders(_ db: Database) throws -> [Source: [Int64]] {
        let counts: [(Source, Int)] = [(.konnector, Self.konnectorSenders), (.weConnect, Self.weConnectSenders),
                                       (.weLink, Self.weLinkSenders), (.linkedAPI, 1)]
        var keys: [Source: [Int64]] = [:]
        let insert = try db.makeStatement(sql: "INSERT INTO dim_sender (source_key, sender_id, name) VALUES (?, ?, ?)")
        for (source, count) in counts {
            for index in 0..<count * scale {
                try insert.execute(arguments: [source.rawValue, "\(source.kind)-\(index)", "Sender \(index) of \(source.kind)"])
                keys[source, default: []].append(db.lastInsertedRowID)
            }
        }
        return keys
    }

    private func insertKonnector(_ db: Database, senders: [Int64]) throws {
        let campaign = try db.makeStatement(sql: "INSERT INTO dim_campaign (source_key, campaign_id) VALUES (?, ?)")
        let version = try db.makeStatement(sql: """
            INSERT INTO dim_campaign_version (campaign_key, valid_from, valid_to, name, campaign_type, campaign_status, sender_key,
                                              created_at, raw_page_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        let snapshot = try db.makeStatement(sql: "INSERT INTO fact_campaign_snapshot VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let step = try db.makeStatement(sql: """
            INSERT INTO fact_campaign_step (campaign_key, step_number, step_type, sent, accepted, replied, raw_page_id)
            VALUES (?, ?, ?, ?, ?, ?, 2)
            """)
        let pending = try db.makeStatement(sql: "INSERT INTO fact_campaign_pending VALUES (?, ?, 2)")
        let daily = try db.makeStatement(sql: "INSERT INTO fact_campaign_daily VALUES (?, ?, ?, ?, ?, ?, ?, 1)")
        let senderDaily = try db.makeStatement(sql: "INSERT INTO fact_sender_daily VALUES (?, ?, ?, ?, ?, ?, ?, 1)")
        let window = try db.makeStatement(sql: "INSERT INTO fact_sender_window VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let types = ["connect", "message", "connect_message"]
        var ordinal = 0
        for (senderIndex, sender) in senders.enumerated() {
            for _ in 0..<Self.campaignsPerSender {
                ordinal += 1
                try campaign.execute(arguments: [Source.konnector.rawValue, "c-\(ordinal)"])
                let key = db.lastInsertedRowID
                try version.execute(arguments: [key, Self.instant(0, minutes: 0), Self.instant(5, minutes: 0), "Old name \(ordinal)",
                                                types[ordinal % 3], "paused", sender, Self.instant(0, minutes: 0)])
                try version.execute(arguments: [key, Self.instant(5, minutes: 0), nil, "Campaign \(ordinal)",
                                                types[ordinal % 3], ordinal % 4 == 0 ? "stopped" : "active", sender,
                                                Self.instant(0, minutes: 0)])
                let sent = 40 + ordinal % 17
                // Every eleventh campaign's counts are broken (accepted > sent); every fifth's
                // vendor rate disagrees with its counts.
                let accepted = ordinal % 11 == 0 ? sent + 3 : 10 + ordinal % 13
                let messaged = 30 + ordinal % 7, replied = 5 + ordinal % 5
                try step.execute(arguments: [key, 1, "connection_request", sent, accepted, nil])
                try step.execute(arguments: [key, 2, "follow_up_message", messaged, nil, replied])
                try pending.execute(arguments: [key, max(sent - accepted, 0)])
                for (page, factor) in [(1, 2), (2, 1)] {
                    let vendorAcceptance = 100.0 * Double(accepted) / Double(sent) + (ordinal % 5 == 0 ? 3 : 0)
                    try snapshot.execute(arguments: [key, page, Self.instant(18 + page, minutes: 0), 200 + ordinal,
                                                     sent / factor, accepted / factor, vendorAcceptance, messaged / factor,
                                                     replied / factor, 100.0 * Double(replied) / Double(messaged)])
                }
                for offset in 0..<Self.days where !(ordinal % 4 == 0 && offset == 10) {
                    try daily.execute(arguments: [key, Self.day(offset), offset % 3, (ordinal + offset) % 5, (ordinal * offset) % 3,
                                                  (ordinal + offset) % 4, offset % 2])
                }
            }
            for offset in 0..<Self.days {
                try senderDaily.execute(arguments: [sender, Self.day(offset), 0, (senderIndex + offset) % 9, offset % 4,
                                                    offset % 6, offset % 3])
            }
            try window.execute(arguments: [sender, Self.instant(19, minutes: 0), Self.day(0), Self.day(Self.days - 1),
                                           100, 30, senderIndex % 2 == 0 ? 30.0 : 35.0, 80, 8, 10.0])
        }
    }

    private func insertProspects(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO dim_prospect (prospect_key, public_id, name) VALUES (?, ?, ?)")
        for index in 1...(Self.prospects * scale) {
            // A few people are known only by a member URN, which has no public profile URL.
            let publicID = index % 50 == 0 ? "urn:li:member:\(index)" : "person-\(index)"
            try insert.execute(arguments: [index, publicID, "Person \(index)"])
        }
    }

    /// Adds a conversation of `messages` alternating out and in, starting outbound on `day`.
    private func insertThread(_ db: Database, source: Source, id: String, sender: Int64, prospect: Int, day: Int,
                              messages: Int, replyMinutes: Int?) throws {
        let firstOut = Self.instant(day, minutes: 9 * 60)
        let firstReply = replyMinutes.map { Self.instant(day, minutes: 9 * 60 + $0) }
        let incoming = replyMinutes == nil ? 0 : messages / 2
        // Replies take the five classes in turn; the first reply answers the first message.
        let classes = ["positive", "negative", "auto_reply", "referral", "neutral"]
        let replyClass = firstReply == nil ? nil : classes[prospect % classes.count]
        let genuineReply = replyClass == "auto_reply" ? nil : firstReply
        try db.execute(sql: """
            INSERT INTO fact_thread (source_key, thread_id, sender_key, prospect_key, prospect_name, last_activity_at,
                                     first_outbound_at, first_reply_at, messages_in, messages_out, reply_minutes, raw_page_id,
                                     genuine_reply_at, reply_class, follow_ups_before_reply, steps_before_genuine_reply)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [source.rawValue, id, sender, prospect, "Person \(prospect)", firstReply ?? firstOut, firstOut, firstReply,
                             incoming, messages - incoming, replyMinutes, source.rawValue, genuineReply, replyClass,
                             replyClass == nil ? nil : 0, genuineReply == nil ? messages - incoming : 1])
        let thread = db.lastInsertedRowID
        for position in 0..<messages {
            let inbound = replyMinutes != nil && position % 2 == 1
            try db.execute(sql: """
                INSERT INTO fact_message (thread_key, position, direction, sent_at, raw_page_id, reply_class) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [thread, position, inbound ? "in" : "out",
                                 Self.instant(day, minutes: 9 * 60 + position * max(1, (replyMinutes ?? 60) / 2)), source.rawValue,
                                 inbound ? replyClass : nil])
        }
    }

    private func insertAction(_ db: Database, source: Source, id: String, sender: Int64, prospect: Int, type: String,
                              status: String, day: Int, replied: Bool?, repliedAt: String?) throws {
        try db.execute(sql: """
            INSERT INTO fact_action (source_key, request_id, sender_key, prospect_key, action_type, status, is_final, final_at,
                                     replied, replied_at, raw_page_id)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
            """, arguments: [source.rawValue, id, sender, prospect, type, status, Self.instant(day, minutes: 8 * 60), replied,
                             repliedAt, source.rawValue])
    }

    /// Threads and `connect` actions for the first half of the prospects.
    private func insertWeConnect(_ db: Database, senders: [Int64]) throws {
        let statuses = ["Completed_Success", "Completed_Success", "Completed_Success", "Completed_Failed", "Pending"]
        for index in 0..<(Self.weConnectThreads * scale) {
            let sender = senders[index % senders.count], prospect = index + 1, day = index % Self.days
            // Replies from under an hour to over a week, so every bucket has threads.
            let reply: Int? = index % 3 == 0 ? nil : [20, 90, 600, 2_000, 6_000, 12_000][index % 6] + index % 7
            try insertThread(db, source: .weConnect, id: "wc-thread-\(index)", sender: sender, prospect: prospect, day: day,
                             messages: 2 + index % 3, replyMinutes: reply)
            try insertAction(db, source: .weConnect, id: "wc-connect-\(index)", sender: sender, prospect: prospect, type: "connect",
                             status: statuses[index % statuses.count], day: day, replied: nil, repliedAt: nil)
        }
    }

    /// Connection requests and messages for prospects from the first third on, and a threads
    /// listing without message contents (so no conversations).
    private func insertWeLink(_ db: Database, senders: [Int64]) throws {
        let offset = Self.prospects * scale / 3
        for index in 0..<(Self.weLinkThreads * scale) {
            try db.execute(sql: """
                INSERT INTO fact_thread (source_key, thread_id, sender_key, prospect_key, prospect_name, last_activity_at, raw_page_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Source.weLink.rawValue, "wl-thread-\(index)", senders[index % senders.count], offset + index + 1,
                                 "Person \(offset + index + 1)", Self.instant(index % Self.days, minutes: 600), Source.weLink.rawValue])
        }
        for index in 0..<(Self.weLinkActions * scale) {
            let sender = senders[index % senders.count], prospect = offset + index + 1, day = (index * 5) % Self.days
            let message = index % 2 == 1, replied = message && index % 4 == 1
            try insertAction(db, source: .weLink, id: "wl-\(index)", sender: sender, prospect: prospect,
                             type: message ? "message" : "connect", status: index % 7 == 0 ? "FAILED" : "SUCCESS", day: day,
                             replied: message ? replied : nil,
                             repliedAt: replied ? Self.instant(day + 1, minutes: 10 * 60) : nil)
        }
    }

    /// Invitations for prospects from two fifths on, some people invited a second time later and one
    /// many times,
    /// acceptance events for some (dated after either invitation, before the first, or undated),
    /// and a conversation with some of those who accepted.
    private func insertLinkedAPI(_ db: Database, senders: [Int64]) throws {
        let offset = Self.prospects * scale * 2 / 5
        let sender = senders[0]
        let invitation = try db.makeStatement(sql: """
            INSERT INTO fact_invitation (source_key, invitation_id, sender_key, prospect_key, sent_at, accepted_at, status,
                                         raw_page_id, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, 4, ?)
            """)
        let accepted = try db.makeStatement(sql: "INSERT INTO fact_connection_accepted VALUES (?, ?, ?, 4)")
        var threads = 0
        for index in 0..<(Self.invitations * scale) {
            let prospect = offset + index + 1, day = index % 20
            let status = ["accepted", "pending", "accepted", "declined", "pending"][index % 5]
            try invitation.execute(arguments: [Source.linkedAPI.rawValue, "inv-\(index)", sender, prospect,
                                               Self.instant(day, minutes: 7 * 60),
                                               status == "accepted" ? Self.instant(day + 2, minutes: 0) : nil, status,
                                               Self.instant(day + 3, minutes: 0)])
            if index % 5 == 1, index % 3 == 1 {
                try invitation.execute(arguments: [Source.linkedAPI.rawValue, "inv-\(index)-again", sender, prospect,
                                                   Self.instant(day + 4, minutes: 7 * 60), nil, "pending", nil])
            }
            // An event reports some pending invitations accepted, dated or not.
            if index % 5 == 1, index % 3 != 0 {
                let detected = index % 2 == 0 ? nil
                    : index % 9 == 2 ? Self.instant(max(0, day - 1), minutes: 0) : Self.instant(day + 5, minutes: 30)
                try accepted.execute(arguments: [Source.linkedAPI.rawValue, prospect, detected])
            }
            if status == "accepted", threads < Self.linkedAPIThreads * scale {
                try insertThread(db, source: .linkedAPI, id: "la-thread-\(index)", sender: sender, prospect: prospect, day: day + 3,
                                 messages: 1 + index % 4, replyMinutes: index % 4 == 0 ? nil : 45 + index % 300)
                threads += 1
            }
        }
        // One person invited again and again, two at a time, and accepted half-way.
        let repeated = offset + Self.invitations * scale + 1
        for index in 0..<(Self.repeatedInvitations * scale) {
            try invitation.execute(arguments: [Source.linkedAPI.rawValue, "inv-repeat-\(index)", sender, repeated,
                                               Self.instant(0, minutes: index / 2 * 30), nil, "pending", nil])
        }
        try accepted.execute(arguments: [Source.linkedAPI.rawValue, repeated,
                                         Self.instant(0, minutes: Self.repeatedInvitations * scale / 4 * 30 + 1)])
    }
}
