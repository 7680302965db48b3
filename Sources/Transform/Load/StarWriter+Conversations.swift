import Foundation
import Warehouse

/// Prospects, threads, messages and followed actions.
extension StarWriter {
    /// The sender a page belongs to: the user its run logged in as (nil when that run has no login page).
    func runSender(_ page: RawPage, sourceKey: Int64) throws -> Int64? {
        let cacheKey = "\(page.source)\u{1F}\(page.runID)"
        if let cached = runSenders[cacheKey] { return cached }
        // WeConnect's login names the user; Linked API's run records its account.
        let body = try Data.fetchOne(db.cachedStatement(sql: """
            SELECT body FROM raw_page WHERE source = ? AND run_id = ? AND endpoint IN ('login', 'account')
              AND http_status BETWEEN 200 AND 299
            ORDER BY id LIMIT 1
            """), arguments: [page.source, page.runID])
        var key: Int64?
        let json = body.flatMap { try? JSONValue.parse($0) }
        if let id = json?.at("success", "id")?.string ?? json?["accountId"]?.string {
            key = try sender(sourceKey: sourceKey, id: id)
        }
        runSenders[cacheKey] = key
        return key
    }

    /// The prospect's key, creating it when new and updating what this observation says. An observation that says
    /// nothing the stored row does not already hold writes nothing (the load meets most people again and again).
    func prospect(publicID: String, name: String? = nil, job: String? = nil, company: String? = nil,
                  location: String? = nil) throws -> Int64 {
        let observed = ProspectAttributes(name: name, job: job, company: company, location: location)
        if let known = prospects[publicID], observed.filled(from: known.attributes) == known.attributes { return known.key }
        try db.cachedStatement(sql: """
            INSERT INTO dim_prospect (public_id, name, job, company, location) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(public_id) DO UPDATE SET name = COALESCE(excluded.name, name), job = COALESCE(excluded.job, job),
                company = COALESCE(excluded.company, company), location = COALESCE(excluded.location, location)
            WHERE COALESCE(excluded.name, name) IS NOT name OR COALESCE(excluded.job, job) IS NOT job
               OR COALESCE(excluded.company, company) IS NOT company OR COALESCE(excluded.location, location) IS NOT location
            """).run { row in
            row.bind(publicID)
            row.bind(name)
            row.bind(job)
            row.bind(company)
            row.bind(location)
        }
        guard let stored = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT prospect_key, name, job, company, location FROM dim_prospect WHERE public_id = ?
            """), arguments: [publicID]) else { return 0 }
        let key: Int64 = stored[0]
        prospects[publicID] = (key, ProspectAttributes(name: stored[1], job: stored[2], company: stored[3], location: stored[4]))
        return key
    }

    /// A thread seen in a listing: it exists, with whom; its contents come with its own page.
    func listThread(sourceKey: Int64, threadID: String, senderKey: Int64?, prospectName: String?, rawPageID: Int64,
                    prospectKey: Int64? = nil, lastActivityAt: String? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fact_thread (source_key, thread_id, sender_key, prospect_key, prospect_name, last_activity_at, raw_page_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(source_key, thread_id) DO UPDATE SET sender_key = COALESCE(excluded.sender_key, sender_key),
                prospect_key = COALESCE(excluded.prospect_key, prospect_key),
                prospect_name = COALESCE(excluded.prospect_name, prospect_name),
                last_activity_at = COALESCE(excluded.last_activity_at, last_activity_at)
            WHERE COALESCE(excluded.sender_key, sender_key) IS NOT sender_key
               OR COALESCE(excluded.prospect_key, prospect_key) IS NOT prospect_key
               OR COALESCE(excluded.prospect_name, prospect_name) IS NOT prospect_name
               OR COALESCE(excluded.last_activity_at, last_activity_at) IS NOT last_activity_at
            """).run { row in
            row.bind(sourceKey)
            row.bind(threadID)
            row.bind(senderKey)
            row.bind(prospectKey)
            row.bind(prospectName)
            row.bind(lastActivityAt)
            row.bind(rawPageID)
        }
    }

    /// A thread's full contents: its messages replace the ones stored (a thread page is always
    /// the whole thread), and its figures are recomputed from them.
    func replaceThread(sourceKey: Int64, threadID: String, senderKey: Int64?, prospectKey: Int64?, prospectName: String?,
                       messages: [ThreadMessage], rawPageID: Int64) throws {
        // Oldest first; messages with equal times keep the vendor's order (its list is newest first).
        // The reply is the first inbound message after the first timed outbound one, in that order.
        let ordered = messages.sorted { ($0.sentAt ?? "", -$0.order) < ($1.sentAt ?? "", -$1.order) }.map { message in
            var message = message
            if message.direction == "in", message.replyClass == nil {
                message.replyClass = replies.classify(message.text ?? "")
            }
            return message
        }
        let figures = ThreadReplies(ordered)
        let minutes: Double? = {
            guard let start = figures.firstOutboundAt.flatMap(Timestamp.date(fromVendor:)),
                  let end = figures.firstReplyAt.flatMap(Timestamp.date(fromVendor:)) else { return nil }
            return end.timeIntervalSince(start) / 60
        }()
        let threadKey = try threadUpsert().integer { row in
            row.bind(sourceKey)
            row.bind(threadID)
            row.bind(senderKey)
            row.bind(prospectKey)
            row.bind(prospectName)
            row.bind(ordered.last?.sentAt)
            row.bind(figures.firstOutboundAt)
            row.bind(figures.firstReplyAt)
            row.bind(ordered.count { $0.direction == "in" })
            row.bind(ordered.count { $0.direction == "out" })
            row.bind(minutes)
            row.bind(rawPageID)
            row.bind(figures.genuineReplyAt)
            row.bind(figures.replyClass?.rawValue)
            row.bind(figures.followUpsBeforeReply)
            row.bind(figures.stepsBeforeGenuineReply)
        } ?? 0
        try db.cachedStatement(sql: "DELETE FROM fact_message WHERE thread_key = ?").run { $0.bind(threadKey) }
        var start = 0
        while start < ordered.count {
            let size = Self.messageBatches.first { $0 <= ordered.count - start } ?? 1
            try messageInsert(rows: size).run { row in
                for position in start..<start + size {
                    let message = ordered[position]
                    row.bind(threadKey)
                    row.bind(position)
                    row.bind(message.direction)
                    row.bind(message.sentAt)
                    row.bind(message.author)
                    row.bind(rawPageID)
                    row.bind(message.id)
                    row.bind(message.replyClass?.rawValue)
                }
            }
            start += size
        }
    }

    /// How many messages one insert writes, largest first (a thread's dozen in three statements, not twelve).
    private static let messageBatches = [16, 4, 1]

    private func messageInsert(rows: Int) throws -> Statement {
        if let statement = messageStatements[rows] { return statement }
        let statement = try db.makeStatement(sql: """
            INSERT INTO fact_message (thread_key, position, direction, sent_at, author, raw_page_id, message_id, reply_class)
            VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
            """)
        messageStatements[rows] = statement
        return statement
    }

    private func threadUpsert() throws -> Statement {
        if let threadStatement { return threadStatement }
        let statement = try db.makeStatement(sql: """
            INSERT INTO fact_thread (source_key, thread_id, sender_key, prospect_key, prospect_name, last_activity_at,
                                     first_outbound_at, first_reply_at, messages_in, messages_out, reply_minutes, raw_page_id,
                                     genuine_reply_at, reply_class, follow_ups_before_reply, steps_before_genuine_reply)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(source_key, thread_id) DO UPDATE SET
                sender_key = COALESCE(excluded.sender_key, sender_key), prospect_key = COALESCE(excluded.prospect_key, prospect_key),
                prospect_name = COALESCE(excluded.prospect_name, prospect_name), last_activity_at = excluded.last_activity_at,
                first_outbound_at = excluded.first_outbound_at, first_reply_at = excluded.first_reply_at,
                messages_in = excluded.messages_in, messages_out = excluded.messages_out,
                reply_minutes = excluded.reply_minutes, raw_page_id = excluded.raw_page_id,
                genuine_reply_at = excluded.genuine_reply_at, reply_class = excluded.reply_class,
                follow_ups_before_reply = excluded.follow_ups_before_reply,
                steps_before_genuine_reply = excluded.steps_before_genuine_reply
            RETURNING thread_key
            """)
        threadStatement = statement
        return statement
    }

    /// One observation of a followed action (a poll or a pushed event); its status history grows.
    /// `finalAt` is when the vendor says the action happened, where it says so (else when it was seen final).
    func action(sourceKey: Int64, requestID: String, senderKey: Int64?, prospectKey: Int64?, accountID: String?,
                type: String?, status: String?, replied: Bool?, observedAt: String, rawPageID: Int64,
                finalAt: String? = nil, repliedAt: String? = nil) throws {
        let final = status.map(RequestLedger.isFinal) ?? false
        try db.cachedStatement(sql: """
            INSERT INTO fact_action (source_key, request_id, sender_key, prospect_key, account_id, action_type, status,
                                     is_final, final_at, replied, replied_at, raw_page_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ? END, ?, ?, ?)
            ON CONFLICT(source_key, request_id) DO UPDATE SET
                sender_key = COALESCE(excluded.sender_key, sender_key), prospect_key = COALESCE(excluded.prospect_key, prospect_key),
                account_id = COALESCE(excluded.account_id, account_id), action_type = COALESCE(excluded.action_type, action_type),
                status = COALESCE(excluded.status, status), is_final = MAX(is_final, excluded.is_final),
                final_at = COALESCE(final_at, excluded.final_at), replied = COALESCE(excluded.replied, replied),
                replied_at = COALESCE(replied_at, excluded.replied_at), raw_page_id = excluded.raw_page_id
            -- An observation that changes nothing leaves the row (and the page that last changed it) alone.
            WHERE COALESCE(excluded.sender_key, sender_key) IS NOT sender_key
               OR COALESCE(excluded.prospect_key, prospect_key) IS NOT prospect_key
               OR COALESCE(excluded.account_id, account_id) IS NOT account_id
               OR COALESCE(excluded.action_type, action_type) IS NOT action_type
               OR COALESCE(excluded.status, status) IS NOT status OR MAX(is_final, excluded.is_final) IS NOT is_final
               OR COALESCE(final_at, excluded.final_at) IS NOT final_at OR COALESCE(excluded.replied, replied) IS NOT replied
               OR COALESCE(replied_at, excluded.replied_at) IS NOT replied_at
            """).execute(arguments: [sourceKey, requestID, senderKey, prospectKey, accountID, type, status, final, final,
                                     finalAt ?? observedAt, replied, repliedAt, rawPageID])
        guard let status else { return }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO fact_action_status (action_key, status, first_seen_at, raw_page_id)
            SELECT action_key, ?, ?, ? FROM fact_action WHERE source_key = ? AND request_id = ?
            """).execute(arguments: [status, observedAt, rawPageID, sourceKey, requestID])
    }
}
