import Warehouse

/// Writes dimension members and facts within one transform transaction, upserting so that loading
/// the same raw page twice leaves the same rows. Keys it has looked up once are cached.
final class StarWriter {
    let db: Database
    private var sourceKeys: [String: Int64] = [:]
    private var senderKeys: [String: Int64] = [:]
    /// The sender of each (source, run), found through the run's login page.
    var runSenders: [String: Int64?] = [:]
    private var campaignKeys: [String: Int64] = [:]
    /// Each campaign's open version: its attributes and the page that opened it.
    private var currentVersions: [Int64: (attributes: CampaignAttributes, validFrom: String, rawPageID: Int64)] = [:]
    private var knownDays: Set<String> = []
    /// Each person's key and stored attributes, once the load has met them.
    var prospects: [String: (key: Int64, attributes: ProspectAttributes)] = [:]

    /// The thread upsert and the message inserts by number of rows, prepared once (see `dailyStatements`).
    var threadStatement: Statement?
    var messageStatements: [Int: Statement] = [:]

    /// Decides each inbound message's class as its thread is stored.
    let replies: ReplyClassifier

    init(db: Database, replies: ReplyClassifier) {
        self.db = db
        self.replies = replies
    }

    /// The key of the source `page` came from.
    func sourceKey(of page: RawPage) throws -> Int64 {
        let name = page.source, kind = page.kind
        if let key = sourceKeys[name] { return key }
        try db.execute(sql: "INSERT INTO dim_source (name, kind) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind",
                       arguments: [name, kind])
        let key = try Int64.fetchOne(db, sql: "SELECT source_key FROM dim_source WHERE name = ?", arguments: [name]) ?? 0
        sourceKeys[name] = key
        return key
    }

    /// The sender's key, creating the member when new and updating what this observation says.
    func sender(sourceKey: Int64, id: String, name: String? = nil, email: String? = nil, status: String? = nil) throws -> Int64 {
        let cacheKey = "\(sourceKey)\u{1F}\(id)"
        if name != nil || email != nil || status != nil || senderKeys[cacheKey] == nil {
            try db.cachedStatement(sql: """
                INSERT INTO dim_sender (source_key, sender_id, name, email, status) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(source_key, sender_id) DO UPDATE SET
                    name = COALESCE(excluded.name, name), email = COALESCE(excluded.email, email),
                    status = COALESCE(excluded.status, status)
                WHERE COALESCE(excluded.name, name) IS NOT name OR COALESCE(excluded.email, email) IS NOT email
                   OR COALESCE(excluded.status, status) IS NOT status
                """).execute(arguments: [sourceKey, id, name, email, status])
        }
        if let key = senderKeys[cacheKey] { return key }
        let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT sender_key FROM dim_sender WHERE source_key = ? AND sender_id = ?"),
                                     arguments: [sourceKey, id]) ?? 0
        senderKeys[cacheKey] = key
        return key
    }

    /// The campaign's key; a change of its attributes closes the open version and opens a new one.
    @discardableResult
    func campaign(sourceKey: Int64, id: String, attributes: CampaignAttributes, observedAt: String, rawPageID: Int64) throws -> Int64 {
        let key = try campaignKey(sourceKey: sourceKey, id: id)
        let open = try currentVersion(key)
        let previous = open?.attributes
        let merged = attributes.filled(from: previous)
        guard merged != previous else { return key }
        if let open, open.validFrom == observedAt, open.rawPageID == rawPageID {
            // The same page lists the campaign twice: its later entry amends the version this page opened.
            try db.cachedStatement(sql: """
                UPDATE dim_campaign_version SET name = ?, campaign_type = ?, campaign_status = ?, sender_key = ?, created_at = ?
                WHERE campaign_key = ? AND valid_to IS NULL
                """).execute(arguments: [merged.name, merged.type, merged.status, merged.senderKey, merged.createdAt, key])
            currentVersions[key] = (merged, observedAt, rawPageID)
            return key
        }
        if previous != nil {
            try db.cachedStatement(sql: "UPDATE dim_campaign_version SET valid_to = ? WHERE campaign_key = ? AND valid_to IS NULL")
                .execute(arguments: [observedAt, key])
        }
        try db.cachedStatement(sql: """
            INSERT INTO dim_campaign_version (campaign_key, valid_from, valid_to, name, campaign_type, campaign_status,
                                              sender_key, created_at, raw_page_id)
            VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key, observedAt, merged.name, merged.type, merged.status, merged.senderKey,
                                     merged.createdAt, rawPageID])
        currentVersions[key] = (merged, observedAt, rawPageID)
        return key
    }

    private func campaignKey(sourceKey: Int64, id: String) throws -> Int64 {
        let cacheKey = "\(sourceKey)\u{1F}\(id)"
        if let key = campaignKeys[cacheKey] { return key }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO dim_campaign (source_key, campaign_id) VALUES (?, ?)")
            .execute(arguments: [sourceKey, id])
        let key = try Int64.fetchOne(db.cachedStatement(sql: "SELECT campaign_key FROM dim_campaign WHERE source_key = ? AND campaign_id = ?"),
                                     arguments: [sourceKey, id]) ?? 0
        campaignKeys[cacheKey] = key
        return key
    }

    private func currentVersion(_ key: Int64) throws -> (attributes: CampaignAttributes, validFrom: String, rawPageID: Int64)? {
        if let cached = currentVersions[key] { return cached }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT name, campaign_type, campaign_status, sender_key, created_at, valid_from, raw_page_id
            FROM dim_campaign_version WHERE campaign_key = ? AND valid_to IS NULL
            """), arguments: [key]) else { return nil }
        let attributes = CampaignAttributes(name: row["name"], type: row["campaign_type"], status: row["campaign_status"],
                                            senderKey: row["sender_key"], createdAt: row["created_at"])
        let open = (attributes, row["valid_from"] as String, row["raw_page_id"] as Int64)
        currentVersions[key] = open
        return open
    }

    /// Records the campaign's counters as a fetch saw them, when they differ from its latest
    /// snapshot: the history of the counters, without a row per unchanged fetch.
    func campaignSnapshot(campaignKey: Int64, rawPageID: Int64, observedAt: String, _ counters: CampaignCounters) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO fact_campaign_snapshot (campaign_key, raw_page_id, observed_at, members, requests_sent,
                requests_accepted, vendor_acceptance_pct, messages_sent, messages_replied, vendor_response_pct)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10
            WHERE NOT EXISTS (
                SELECT 1 FROM fact_campaign_snapshot s
                WHERE s.campaign_key = ?1 AND s.raw_page_id < ?2
                  AND s.raw_page_id = (SELECT MAX(raw_page_id) FROM fact_campaign_snapshot WHERE campaign_key = ?1)
                  AND s.members IS ?4 AND s.requests_sent IS ?5 AND s.requests_accepted IS ?6
                  AND s.vendor_acceptance_pct IS ?7 AND s.messages_sent IS ?8 AND s.messages_replied IS ?9
                  AND s.vendor_response_pct IS ?10)
            """).execute(arguments: [campaignKey, rawPageID, observedAt, counters.members, counters.requestsSent,
                                     counters.requestsAccepted, counters.vendorAcceptancePct, counters.messagesSent,
                                     counters.messagesReplied, counters.vendorResponsePct])
    }

    /// A campaign's steps as a page gave them: a step whose figures changed is updated (an unchanged one is not
    /// written), a new one added, and one the page no longer has removed.
    func campaignSteps(campaignKey: Int64, _ steps: [CampaignStep], rawPageID: Int64) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO fact_campaign_step (campaign_key, step_number, step_type, sent, accepted, replied, raw_page_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (campaign_key, step_number) DO UPDATE SET
                step_type = excluded.step_type, sent = excluded.sent, accepted = excluded.accepted,
                replied = excluded.replied, raw_page_id = excluded.raw_page_id
            WHERE (step_type, sent, accepted, replied, NULL) IS NOT (excluded.step_type, excluded.sent, excluded.accepted, excluded.replied, NULL)
            """)
        for step in steps {
            try upsert.execute(arguments: [campaignKey, step.number, step.type, step.sent, step.accepted, step.replied, rawPageID])
        }
        let numbers = steps.map(\.number)
        try db.cachedStatement(sql: """
            DELETE FROM fact_campaign_step WHERE campaign_key = ? AND step_number NOT IN (SELECT value FROM json_each(?))
            """).execute(arguments: [campaignKey, "[" + numbers.map(String.init).joined(separator: ",") + "]"])
    }

    /// A campaign's pending invitations as a page counted them, written when the count changed.
    func campaignPending(campaignKey: Int64, count: Int64, rawPageID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fact_campaign_pending (campaign_key, pending_count, raw_page_id) VALUES (?, ?, ?)
            ON CONFLICT (campaign_key) DO UPDATE SET pending_count = excluded.pending_count, raw_page_id = excluded.raw_page_id
            WHERE pending_count IS NOT excluded.pending_count
            """).execute(arguments: [campaignKey, count, rawPageID])
    }

    func senderWindow(senderKey: Int64, rawPageID: Int64, observedAt: String, windowStart: String?, windowEnd: String?,
                      _ counters: CampaignCounters) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO fact_sender_window (sender_key, raw_page_id, observed_at, window_start, window_end,
                requests_sent, requests_accepted, vendor_acceptance_pct, messages_sent, messages_replied, vendor_response_pct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [senderKey, rawPageID, observedAt, windowStart, windowEnd, counters.requestsSent,
                                     counters.requestsAccepted, counters.vendorAcceptancePct, counters.messagesSent,
                                     counters.messagesReplied, counters.vendorResponsePct])
    }

    /// Merges observations of a campaign's days: figures they give replace the stored ones, figures they leave
    /// out keep theirs.
    func campaignDaily(campaignKey: Int64, _ days: [KonnectorDailyRow.Day], rawPageID: Int64) throws {
        try upsertDaily(.campaign, key: campaignKey, days, rawPageID)
    }

    func senderDaily(senderKey: Int64, _ days: [KonnectorDailyRow.Day], rawPageID: Int64) throws {
        try upsertDaily(.sender, key: senderKey, days, rawPageID)
    }

    /// A daily fact table: the rows of one campaign or one sender by day.
    private enum DailyFact: Int {
        case campaign, sender

        var table: String { self == .campaign ? "fact_campaign_daily" : "fact_sender_daily" }
        var keyColumn: String { self == .campaign ? "campaign_key" : "sender_key" }
    }

    /// How many days one daily upsert writes, largest first: a statement's own cost (its cursors, its step) is paid
    /// once for them, and a year of days needs a dozen statements of four shapes.
    private static let dailyBatches = [64, 16, 4, 1]

    private func upsertDaily(_ fact: DailyFact, key: Int64, _ days: [KonnectorDailyRow.Day], _ rawPageID: Int64) throws {
        var kept: [KonnectorDailyRow.Day] = []
        kept.reserveCapacity(days.count)
        for row in days where !row.counts.isEmpty {
            if try ensureDay(row.day) { kept.append(row) }
        }
        var start = 0
        while start < kept.count {
            let size = Self.dailyBatches.first { $0 <= kept.count - start } ?? 1
            let batch = kept[start..<start + size]
            try dailyStatement(fact, rows: size).run { bindings in
                for (day, counts) in batch {
                    bindings.bind(key)
                    bindings.bind(day)
                    bindings.bind(counts.membersAdded)
                    bindings.bind(counts.requestsSent)
                    bindings.bind(counts.requestsAccepted)
                    bindings.bind(counts.messagesSent)
                    bindings.bind(counts.messagesReplied)
                    bindings.bind(rawPageID)
                }
            }
            start = batch.endIndex
        }
    }

    /// The daily upserts by fact and number of rows, prepared once: the statement cache would hash their long SQL
    /// per use. SQLite applies a statement's rows in order, so a day given twice is merged as by two statements.
    private var dailyStatements: [[Int: Statement]] = [[:], [:]]

    private func dailyStatement(_ fact: DailyFact, rows: Int) throws -> Statement {
        if let statement = dailyStatements[fact.rawValue][rows] { return statement }
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
        let statement = try db.makeStatement(sql: """
            INSERT INTO \(fact.table) (\(fact.keyColumn), date_key, members_added, requests_sent, requests_accepted,
                                  messages_sent, messages_replied, raw_page_id)
            VALUES \(values)
            ON CONFLICT(\(fact.keyColumn), date_key) DO UPDATE SET
                members_added = COALESCE(excluded.members_added, members_added),
                requests_sent = COALESCE(excluded.requests_sent, requests_sent),
                requests_accepted = COALESCE(excluded.requests_accepted, requests_accepted),
                messages_sent = COALESCE(excluded.messages_sent, messages_sent),
                messages_replied = COALESCE(excluded.messages_replied, messages_replied),
                raw_page_id = excluded.raw_page_id
            -- A day seen again with the same figures is left untouched (and keeps the page that first gave them).
            WHERE COALESCE(excluded.members_added, members_added) IS NOT members_added
               OR COALESCE(excluded.requests_sent, requests_sent) IS NOT requests_sent
               OR COALESCE(excluded.requests_accepted, requests_accepted) IS NOT requests_accepted
               OR COALESCE(excluded.messages_sent, messages_sent) IS NOT messages_sent
               OR COALESCE(excluded.messages_replied, messages_replied) IS NOT messages_replied
            """)
        dailyStatements[fact.rawValue][rows] = statement
        return statement
    }

    /// Adds to the date dimension every day an event fact falls on (an action, a conversation,
    /// an invitation, an acceptance), so the views that group by week see every source's days.
    func ensureEventDays() throws {
        let days = try String.fetchAll(db, sql: """
            SELECT DISTINCT day FROM (
                SELECT substr(final_at, 1, 10) AS day FROM fact_action
                UNION SELECT substr(replied_at, 1, 10) FROM fact_action
                UNION SELECT substr(first_outbound_at, 1, 10) FROM fact_thread
                UNION SELECT substr(first_reply_at, 1, 10) FROM fact_thread
                UNION SELECT substr(sent_at, 1, 10) FROM fact_invitation
                UNION SELECT substr(accepted_at, 1, 10) FROM fact_invitation
                UNION SELECT substr(detected_at, 1, 10) FROM fact_connection_accepted
            ) WHERE day IS NOT NULL AND day NOT IN (SELECT date_key FROM dim_date)
            """)
        for day in days { _ = try ensureDay(day) }
    }

    /// Adds the day to the date dimension; false when it is not a real day.
    private func ensureDay(_ day: String) throws -> Bool {
        if knownDays.contains(day) { return true }
        guard let parts = DayParts(day) else { return false }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO dim_date (date_key, year, month, day, iso_year, iso_week, weekday) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [parts.key, parts.year, parts.month, parts.day, parts.isoYear, parts.isoWeek, parts.weekday])
        knownDays.insert(day)
        return true
    }
}
