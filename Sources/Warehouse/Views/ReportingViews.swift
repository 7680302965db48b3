import Foundation

/// The reporting views: every figure the reports show is computed here, once, in SQL.
///
/// Views hold no data, so they are dropped and recreated instead of migrated, whenever the file's views are not
/// these (a fingerprint of their SQL in the file's `user_version`): a change to a figure ships without a migration,
/// the warehouse never keeps a stale definition, and an open of an up-to-date file compiles none of them.
/// They use plain SQLite only, so any SQLite client (BI tools, Python) can read them.
///
/// Every `report_` view is stored (`StoredView`): its query is the view `query_<name>`, its rows are kept in the
/// table `mart_<name>`, and `<name>` reads them. `refresh` brings the tables up to date in the transaction that
/// changed what they are computed from (a transform that loaded pages, a new report zone, new views), so the
/// figures are computed once per change instead of once per report format, publish and BI query.
public enum ReportingViews {
    /// The views of the outside contract, in the contract's order: the first round's five, then the reply analysis.
    public static let contractViews = [
        "report_sender_summary", "report_campaign_summary", "report_daily_activity",
        "report_request_outcomes", "report_threads",
    ] + replyViews

    /// The reply analysis views of the contract's second round.
    public static let replyViews = ["report_replies", "report_reply_quality", "report_follow_up_steps", "report_send_time"]

    /// The account-health views (campaign steps, pending invitations, weekly load against the caps) and the
    /// headline figures by period. Not in the contract, but written whole by every format beside its views.
    public static let healthViews = ["report_campaign_steps", "report_pending_invitations", "report_sender_weekly_load",
                                     "report_kpi_periods"]

    /// Drops and recreates every view and stored table, unless the file holds exactly these already.
    public static func install(in db: Database) throws {
        let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view'")
        if try Int32.fetchOne(db, sql: "PRAGMA user_version") == fingerprint, existing.count == viewCount { return }
        for name in existing {
            try db.execute(sql: "DROP VIEW \(name.quotedDatabaseIdentifier)")
        }
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'mart\\_%' ESCAPE '\\'
            """)
        for name in tables {
            try db.execute(sql: "DROP TABLE \(name.quotedDatabaseIdentifier)")
        }
        try db.execute(sql: definitions)
        for view in storedViews {
            try view.create(in: db)
        }
        try refresh(in: db)
        try db.execute(sql: "PRAGMA user_version = \(fingerprint)")
    }

    /// Brings every stored view's table up to its query, each after the stored views it reads; returns the rows
    /// written (none when nothing the views read has changed).
    @discardableResult
    public static func refresh(in db: Database) throws -> Int {
        try storedViews.reduce(0) { $0 + (try $1.refresh(in: db)) }
    }

    /// The view whose SQL computes `view`'s rows, and whose columns have the declared types of what they read:
    /// `query_<view>` for a stored view, the view itself otherwise.
    public static func query(of view: String) -> String {
        storedViews.first { $0.name == view }?.query ?? view
    }

    /// The names of the stored views, in the order a refresh computes them.
    public static var storedViewNames: [String] { storedViews.map(\.name) }

    /// The stored views, each after every view it reads (directly or through other views).
    static let storedViews: [StoredView] = {
        let names = Set(statements.map(\.name).filter { $0.hasPrefix("report_") })
        return ViewDependencies(statements).ordered.filter(names.contains).map(StoredView.init(name:))
    }()

    /// `sql` with each stored view's definition named as its query.
    static let definitions: String = {
        let stored = Set(storedViews.map(\.name))
        let preamble = sql.components(separatedBy: "CREATE VIEW ")[0]
        return preamble + statements.map { statement in
            "CREATE VIEW " + (stored.contains(statement.name) ? StoredView(name: statement.name).query : statement.name) + statement.body
        }.joined()
    }()

    /// Each view of `sql` with the text of its definition, in the order written.
    static let statements: [(name: String, body: String)] = {
        let parts = sql.components(separatedBy: "CREATE VIEW ").dropFirst()
        return parts.map { part in
            let name = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            return (name, String(part.dropFirst(name.count)))
        }
    }()

    /// The first 28 bits of the SHA-256 of the views and of what is stored, never 0 (a new file's `user_version`).
    static let fingerprint: Int32 = {
        let text = definitions + storedViews.map(\.name).joined(separator: ",") + StoredView.layout
        return max(1, Int32(ContentHash.hex(Data(text.utf8)).prefix(7), radix: 16) ?? 1)
    }()

    /// How many views an install creates: every one `sql` defines, and a reading view per stored one.
    static let viewCount = statements.count + storedViews.count

    static let sql = """
        -- The open version of each campaign's attributes.
        CREATE VIEW campaign_current AS
        SELECT c.campaign_key, c.source_key, c.campaign_id, v.name, v.campaign_type, v.campaign_status,
               v.sender_key, v.created_at
        FROM dim_campaign c
        LEFT JOIN dim_campaign_version v ON v.campaign_key = c.campaign_key AND v.valid_to IS NULL;

        -- The cumulative counters of each campaign's most recent fetch.
        CREATE VIEW campaign_latest_snapshot AS
        SELECT f.*
        FROM fact_campaign_snapshot f
        JOIN (SELECT campaign_key, MAX(raw_page_id) AS raw_page_id
              FROM fact_campaign_snapshot GROUP BY campaign_key) latest
          USING (campaign_key, raw_page_id);

        -- A rate is a fraction from 0 to 1, NULL when the denominator is 0 or unknown, and NULL when
        -- the numerator exceeds it (a broken count, reported in report_quality_warnings instead).
        CREATE VIEW report_campaign_summary AS
        SELECT s.name AS source, c.campaign_id, c.name AS campaign_name, c.campaign_type, c.campaign_status,
               snd.sender_id, f.members, f.requests_sent, f.requests_accepted,
               CASE WHEN f.requests_sent > 0 AND f.requests_accepted BETWEEN 0 AND f.requests_sent
                    THEN CAST(f.requests_accepted AS REAL) / f.requests_sent END AS acceptance_rate,
               f.messages_sent, f.messages_replied,
               CASE WHEN f.messages_sent > 0 AND f.messages_replied BETWEEN 0 AND f.messages_sent
                    THEN CAST(f.messages_replied AS REAL) / f.messages_sent END AS response_rate
        FROM campaign_current c
        JOIN dim_source s ON s.source_key = c.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = c.sender_key
        LEFT JOIN campaign_latest_snapshot f ON f.campaign_key = c.campaign_key
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;

        -- Which figures each source reports at all: where it does, a sender with nothing counts 0;
        -- where it does not (WeConnect and We-Link cannot know acceptance), the figure stays empty.
        -- Messages come from conversations where the vendor gives their contents, otherwise from
        -- the message actions it reports (We-Link), never from both.
        -- Each flag is an uncorrelated IN, which SQLite answers from an index or a set built once per
        -- statement: the views join this one to every fact row, and a correlated EXISTS there ran once
        -- per row and scanned all of a source's threads when none is a conversation (We-Link's).
        CREATE VIEW source_figures AS
        SELECT s.source_key,
               s.source_key IN (SELECT c.source_key FROM dim_campaign c JOIN fact_campaign_snapshot f USING (campaign_key))
                   AS has_counters,
               s.source_key IN (SELECT source_key FROM fact_action) AS has_actions,
               s.source_key IN (SELECT source_key FROM fact_thread) AS has_threads,
               s.source_key IN (SELECT source_key FROM fact_thread WHERE first_outbound_at IS NOT NULL) AS has_conversations,
               s.source_key IN (SELECT source_key FROM fact_invitation) AS has_invitations
        FROM dim_source s;

        -- Each invitation with its outcome: accepted when a status check or an acceptance event
        -- says so, dated by the event where there is one (Linked API's `detectedAt`). An
        -- acceptance answers the latest invitation to that person sent before it, never several;
        -- the first invitation to a person takes an earlier one too (its time may be only when it
        -- was tracked). Each search of the person's other invitations is bounded by `sent_at` on
        -- both sides it can be, so the index finds the one row that decides it (an earlier one, the
        -- next one, one sent by the acceptance) instead of reading all of that person's invitations
        -- for each of them.
        CREATE VIEW invitation_outcome AS
        SELECT i.source_key, i.invitation_id, i.sender_key, i.prospect_key, i.sent_at,
               CASE WHEN e.prospect_key IS NOT NULL OR i.status = 'accepted' THEN 'accepted' ELSE i.status END AS status,
               CASE WHEN e.prospect_key IS NOT NULL OR i.status = 'accepted' THEN COALESCE(e.detected_at, i.accepted_at) END
                   AS accepted_at
        FROM fact_invitation i
        LEFT JOIN fact_connection_accepted e
          ON e.source_key = i.source_key AND e.prospect_key = i.prospect_key
         AND (e.detected_at IS NULL OR e.detected_at >= i.sent_at
              OR NOT EXISTS (SELECT 1 FROM fact_invitation earlier
                             WHERE earlier.source_key = i.source_key AND earlier.prospect_key = i.prospect_key
                               AND earlier.sent_at <= i.sent_at
                               AND (earlier.sent_at < i.sent_at OR earlier.invitation_id < i.invitation_id)))
         -- An undated acceptance answers the person's last invitation, a dated one the last sent by then.
         AND (e.detected_at IS NOT NULL
              OR NOT EXISTS (SELECT 1 FROM fact_invitation later
                             WHERE later.source_key = i.source_key AND later.prospect_key = i.prospect_key
                               AND later.sent_at >= i.sent_at
                               AND (later.sent_at > i.sent_at OR later.invitation_id > i.invitation_id)))
         AND (e.detected_at IS NULL
              OR NOT EXISTS (SELECT 1 FROM fact_invitation later
                             WHERE later.source_key = i.source_key AND later.prospect_key = i.prospect_key
                               AND later.sent_at BETWEEN i.sent_at AND e.detected_at
                               AND (later.sent_at > i.sent_at OR later.invitation_id > i.invitation_id)));

        -- Followed message actions that were sent, for sources whose conversations are not known.
        CREATE VIEW message_action AS
        SELECT a.sender_key, a.final_at, a.replied, a.replied_at
        FROM fact_action a
        JOIN source_figures k ON k.source_key = a.source_key
        WHERE NOT k.has_conversations AND lower(a.action_type) = 'message'
          AND lower(a.status) LIKE '%success%' AND lower(a.status) NOT LIKE '%unsuccess%';

        -- A sender's figures over its whole history: the sum of its campaigns' latest cumulative
        -- counters (Konnector); its `connect` actions that completed successfully (WeConnect,
        -- We-Link); its invitations and their outcomes (Linked API, LinkedIn mobile); its
        -- conversations (threads with an outbound message), replied when an inbound message
        -- follows the first outbound one, or else its sent message actions.
        CREATE VIEW sender_totals AS
        WITH parts AS (
            SELECT c.sender_key, f.requests_sent, f.requests_accepted, f.messages_sent, f.messages_replied
            FROM campaign_current c JOIN campaign_latest_snapshot f USING (campaign_key)
            UNION ALL
            SELECT sender_key, 1, NULL, NULL, NULL FROM fact_action
            WHERE lower(action_type) = 'connect' AND lower(status) LIKE '%success%' AND lower(status) NOT LIKE '%unsuccess%'
            UNION ALL
            SELECT sender_key, 1, status = 'accepted', NULL, NULL FROM invitation_outcome
            UNION ALL
            SELECT sender_key, NULL, NULL, 1, first_reply_at IS NOT NULL FROM fact_thread
            WHERE first_outbound_at IS NOT NULL
            UNION ALL
            SELECT sender_key, NULL, NULL, 1, COALESCE(replied, 0) FROM message_action
        ), totals AS (
            SELECT sender_key, SUM(requests_sent) AS requests_sent, SUM(requests_accepted) AS requests_accepted,
                   SUM(messages_sent) AS messages_sent, SUM(messages_replied) AS messages_replied
            FROM parts GROUP BY sender_key
        )
        SELECT snd.sender_key, s.name AS source, snd.sender_id, snd.name AS sender_name,
               COALESCE(t.requests_sent, CASE WHEN k.has_counters OR k.has_actions OR k.has_invitations THEN 0 END) AS requests_sent,
               COALESCE(t.requests_accepted, CASE WHEN k.has_counters OR k.has_invitations THEN 0 END) AS requests_accepted,
               COALESCE(t.messages_sent, CASE WHEN k.has_counters OR k.has_threads OR k.has_actions THEN 0 END) AS messages_sent,
               COALESCE(t.messages_replied, CASE WHEN k.has_counters OR k.has_threads OR k.has_actions THEN 0 END) AS messages_replied
        FROM dim_sender snd
        JOIN dim_source s ON s.source_key = snd.source_key
        JOIN source_figures k ON k.source_key = snd.source_key
        LEFT JOIN totals t ON t.sender_key = snd.sender_key;

        CREATE VIEW report_sender_summary AS
        SELECT source, sender_id, sender_name, requests_sent, requests_accepted,
               CASE WHEN requests_sent > 0 AND requests_accepted BETWEEN 0 AND requests_sent
                    THEN CAST(requests_accepted AS REAL) / requests_sent END AS acceptance_rate,
               messages_sent, messages_replied,
               CASE WHEN messages_sent > 0 AND messages_replied BETWEEN 0 AND messages_sent
                    THEN CAST(messages_replied AS REAL) / messages_sent END AS response_rate
        FROM sender_totals
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

        -- Each sender's days from sender-grain data: Konnector's dashboard series, and events on
        -- their UTC day: a `connect` action seen completed, an invitation sent and its acceptance,
        -- a conversation's first outbound message and its first reply, a message action sent and
        -- its reply.
        CREATE VIEW sender_daily AS
        WITH events AS (
            SELECT sender_key, date_key, requests_sent, requests_accepted, messages_sent, messages_replied
            FROM fact_sender_daily
            UNION ALL
            SELECT sender_key, substr(final_at, 1, 10), 1, NULL, NULL, NULL FROM fact_action
            WHERE lower(action_type) = 'connect' AND lower(status) LIKE '%success%' AND lower(status) NOT LIKE '%unsuccess%' AND final_at IS NOT NULL
            UNION ALL
            SELECT sender_key, substr(sent_at, 1, 10), 1, NULL, NULL, NULL FROM invitation_outcome
            UNION ALL
            SELECT sender_key, substr(accepted_at, 1, 10), NULL, 1, NULL, NULL FROM invitation_outcome
            WHERE accepted_at IS NOT NULL
            UNION ALL
            SELECT sender_key, substr(first_outbound_at, 1, 10), NULL, NULL, 1, NULL FROM fact_thread
            WHERE first_outbound_at IS NOT NULL
            UNION ALL
            SELECT sender_key, substr(first_reply_at, 1, 10), NULL, NULL, NULL, 1 FROM fact_thread
            WHERE first_reply_at IS NOT NULL
            UNION ALL
            SELECT sender_key, substr(final_at, 1, 10), NULL, NULL, 1, NULL FROM message_action WHERE final_at IS NOT NULL
            UNION ALL
            SELECT sender_key, substr(replied_at, 1, 10), NULL, NULL, NULL, 1 FROM message_action WHERE replied_at IS NOT NULL
        )
        SELECT e.sender_key, e.date_key,
               COALESCE(SUM(e.requests_sent), CASE WHEN k.has_counters OR k.has_actions OR k.has_invitations THEN 0 END) AS requests_sent,
               COALESCE(SUM(e.requests_accepted), CASE WHEN k.has_counters OR k.has_invitations THEN 0 END) AS requests_accepted,
               COALESCE(SUM(e.messages_sent), CASE WHEN k.has_counters OR k.has_threads OR k.has_actions THEN 0 END) AS messages_sent,
               COALESCE(SUM(e.messages_replied), CASE WHEN k.has_counters OR k.has_threads OR k.has_actions THEN 0 END) AS messages_replied
        FROM events e
        JOIN dim_sender snd ON snd.sender_key = e.sender_key
        JOIN source_figures k ON k.source_key = snd.source_key
        GROUP BY e.sender_key, e.date_key;

        -- The finest grain each day has: campaign rows where the vendor gives them, otherwise
        -- one sender row (campaign_id NULL) for a day with activity that no campaign row of that
        -- sender covers. Sender days without any activity add nothing and are left out.
        CREATE VIEW daily_activity AS
        -- The sender days campaign rows cover, found once (a lookup per sender day would scan
        -- every campaign of every sender for each of them: quadratic in senders x days).
        WITH covered AS (
            SELECT DISTINCT cc.sender_key, cd.date_key
            FROM fact_campaign_daily cd JOIN campaign_current cc ON cc.campaign_key = cd.campaign_key
            WHERE cc.sender_key IS NOT NULL
        )
        SELECT f.date_key AS date, s.name AS source, snd.sender_id, c.campaign_id,
               f.requests_sent, f.requests_accepted, f.messages_sent, f.messages_replied
        FROM fact_campaign_daily f
        JOIN campaign_current c ON c.campaign_key = f.campaign_key
        JOIN dim_source s ON s.source_key = c.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = c.sender_key
        UNION ALL
        SELECT f.date_key, s.name, snd.sender_id, NULL,
               f.requests_sent, f.requests_accepted, f.messages_sent, f.messages_replied
        FROM sender_daily f
        JOIN dim_sender snd ON snd.sender_key = f.sender_key
        JOIN dim_source s ON s.source_key = snd.source_key
        WHERE (f.requests_sent > 0 OR f.requests_accepted > 0 OR f.messages_sent > 0 OR f.messages_replied > 0)
          AND NOT EXISTS (SELECT 1 FROM covered c WHERE c.sender_key = f.sender_key AND c.date_key = f.date_key);

        CREATE VIEW report_daily_activity AS
        SELECT * FROM daily_activity
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;

        -- Every followed action by its latest status. Linked API's followed requests are the
        -- invitations `etl track` registered: `connect` requests with the status the vendor's
        -- checks (or an acceptance event) last gave, in its words; an invitation also followed as
        -- an action (the same request id) counts once, as the action.
        CREATE VIEW report_request_outcomes AS
        WITH followed AS (
            SELECT source_key, sender_key, action_type, status FROM fact_action
            UNION ALL
            SELECT i.source_key, i.sender_key, 'connect',
                   CASE i.status WHEN 'accepted' THEN 'connected' WHEN 'declined' THEN 'notConnected' ELSE i.status END
            FROM invitation_outcome i
            JOIN dim_source s ON s.source_key = i.source_key AND s.kind = 'linkedapi'
            LEFT JOIN fact_action a ON a.source_key = i.source_key AND a.request_id = i.invitation_id
            WHERE a.action_key IS NULL
        )
        SELECT s.name AS source, snd.sender_id, f.action_type, f.status, COUNT(*) AS requests
        FROM followed f
        JOIN dim_source s ON s.source_key = f.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = f.sender_key
        GROUP BY s.name, snd.sender_id, f.action_type, f.status
        ORDER BY 1, 2, 3, 4, 5;

        -- One row per conversation; `replied` when an inbound message follows the first outbound one.
        CREATE VIEW report_threads AS
        SELECT s.name AS source, snd.sender_id, t.thread_id, COALESCE(p.name, t.prospect_name) AS prospect_name,
               CASE WHEN p.public_id NOT LIKE '%:%' THEN 'https://www.linkedin.com/in/' || p.public_id END AS prospect_profile,
               t.first_outbound_at, t.first_reply_at, t.messages_in, t.messages_out,
               CASE WHEN t.first_reply_at IS NOT NULL THEN 1 ELSE 0 END AS replied
        FROM fact_thread t
        JOIN dim_source s ON s.source_key = t.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = t.sender_key
        LEFT JOIN dim_prospect p ON p.prospect_key = t.prospect_key
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

        -- Time from a conversation's first outbound message to the first reply after it, per
        -- sender: median (mean of the middle two when even) and 90th percentile (nearest rank).
        CREATE VIEW report_reply_time AS
        WITH ranked AS (
            SELECT t.sender_key, t.reply_minutes,
                   ROW_NUMBER() OVER (PARTITION BY t.sender_key ORDER BY t.reply_minutes) AS rank,
                   COUNT(*) OVER (PARTITION BY t.sender_key) AS n
            FROM fact_thread t WHERE t.reply_minutes IS NOT NULL
        )
        SELECT s.name AS source, snd.sender_id, MAX(n) AS replied_threads,
               AVG(CASE WHEN rank IN ((n + 1) / 2, (n + 2) / 2) THEN reply_minutes END) AS median_minutes,
               MAX(CASE WHEN rank = (9 * n + 9) / 10 THEN reply_minutes END) AS p90_minutes
        FROM ranked
        JOIN dim_sender snd ON snd.sender_key = ranked.sender_key
        JOIN dim_source s ON s.source_key = snd.source_key
        GROUP BY s.name, snd.sender_id
        ORDER BY 1, 2;

        -- The distribution of reply times, in buckets a sales manager reads at a glance.
        CREATE VIEW report_reply_time_distribution AS
        WITH buckets(position, label, upper_minutes) AS (
            VALUES (1, 'under 1 hour', 60), (2, '1-4 hours', 240), (3, '4-24 hours', 1440),
                   (4, '1-3 days', 4320), (5, '3-7 days', 10080), (6, 'over 7 days', NULL)
        )
        SELECT b.label AS bucket,
               (SELECT COUNT(*) FROM fact_thread t
                WHERE t.reply_minutes IS NOT NULL
                  AND t.reply_minutes >= COALESCE((SELECT upper_minutes FROM buckets p WHERE p.position = b.position - 1), 0)
                  AND (b.upper_minutes IS NULL OR t.reply_minutes < b.upper_minutes)) AS threads
        FROM buckets b
        ORDER BY b.position;

        -- Headline figures over every sender. A rate counts only senders whose own rate is defined,
        -- numerator and denominator alike, so it stays within 0 and 1.
        CREATE VIEW report_kpis AS
        WITH reply AS (
            SELECT reply_minutes, ROW_NUMBER() OVER (ORDER BY reply_minutes) AS rank, COUNT(*) OVER () AS n
            FROM fact_thread WHERE reply_minutes IS NOT NULL
        )
        SELECT SUM(requests_sent) AS requests_sent,
               SUM(requests_accepted) AS requests_accepted,
               CASE WHEN SUM(CASE WHEN acceptance_rate IS NOT NULL THEN requests_sent END) > 0
                    THEN CAST(SUM(CASE WHEN acceptance_rate IS NOT NULL THEN requests_accepted END) AS REAL)
                         / SUM(CASE WHEN acceptance_rate IS NOT NULL THEN requests_sent END)
               END AS acceptance_rate,
               SUM(messages_sent) AS messages_sent,
               SUM(messages_replied) AS messages_replied,
               CASE WHEN SUM(CASE WHEN response_rate IS NOT NULL THEN messages_sent END) > 0
                    THEN CAST(SUM(CASE WHEN response_rate IS NOT NULL THEN messages_replied END) AS REAL)
                         / SUM(CASE WHEN response_rate IS NOT NULL THEN messages_sent END)
               END AS response_rate,
               (SELECT AVG(reply_minutes) FROM reply WHERE rank IN ((n + 1) / 2, (n + 2) / 2)) AS median_reply_minutes,
               (SELECT MAX(reply_minutes) FROM reply WHERE rank = (9 * n + 9) / 10) AS p90_reply_minutes,
               (SELECT CAST(SUM(genuine_replies) AS REAL) / SUM(conversations) FROM report_reply_quality) AS genuine_response_rate,
               (SELECT CAST(SUM(positive) AS REAL) / SUM(conversations) FROM report_reply_quality) AS positive_reply_rate
        FROM report_sender_summary;

        -- The headline figures over the last 7, 30 and 90 days of the data (its own last day anchors them, so
        -- they do not move with the day they are read), then over all time (report_kpis). A period's counts
        -- are the daily activity of its days; a rate counts only the rows that report both of its figures;
        -- the reply times and the genuine and positive rates are those of the conversations started in it.
        CREATE VIEW report_kpi_periods AS
        WITH anchor AS (
            SELECT MAX(date) AS last_day FROM report_daily_activity
        ), periods(position, period, days) AS (
            VALUES (1, 'last_7_days', 7), (2, 'last_30_days', 30), (3, 'last_90_days', 90)
        ), bounds AS (
            SELECT p.position, p.period, date(a.last_day, '-' || p.days || ' days') AS after, a.last_day
            FROM periods p, anchor a
        ), activity AS (
            SELECT b.position, SUM(d.requests_sent) AS requests_sent, SUM(d.requests_accepted) AS requests_accepted,
                   SUM(CASE WHEN d.requests_accepted IS NOT NULL THEN d.requests_sent END) AS sent_with_outcome,
                   SUM(d.messages_sent) AS messages_sent, SUM(d.messages_replied) AS messages_replied,
                   SUM(CASE WHEN d.messages_replied IS NOT NULL THEN d.messages_sent END) AS messaged_with_outcome
            FROM bounds b
            LEFT JOIN report_daily_activity d ON d.date > b.after AND d.date <= b.last_day
            GROUP BY b.position
        ), conversations AS (
            SELECT b.position, t.reply_minutes, t.genuine_reply_at, t.reply_class
            FROM bounds b
            JOIN fact_thread t ON substr(t.first_outbound_at, 1, 10) > b.after AND substr(t.first_outbound_at, 1, 10) <= b.last_day
        ), ranked AS (
            SELECT position, reply_minutes, ROW_NUMBER() OVER (PARTITION BY position ORDER BY reply_minutes) AS rank,
                   COUNT(*) OVER (PARTITION BY position) AS n
            FROM conversations WHERE reply_minutes IS NOT NULL
        ), reply_times AS (
            SELECT position, AVG(CASE WHEN rank IN ((n + 1) / 2, (n + 2) / 2) THEN reply_minutes END) AS median_reply_minutes,
                   MAX(CASE WHEN rank = (9 * n + 9) / 10 THEN reply_minutes END) AS p90_reply_minutes
            FROM ranked GROUP BY position
        ), reply_rates AS (
            SELECT position, CAST(SUM(genuine_reply_at IS NOT NULL) AS REAL) / COUNT(*) AS genuine_response_rate,
                   CAST(SUM(reply_class = 'positive') AS REAL) / COUNT(*) AS positive_reply_rate
            FROM conversations GROUP BY position
        )
        SELECT period, requests_sent, requests_accepted, acceptance_rate, messages_sent, messages_replied, response_rate,
               median_reply_minutes, p90_reply_minutes, genuine_response_rate, positive_reply_rate
        FROM (
            SELECT b.position, b.period, a.requests_sent, a.requests_accepted,
                   CASE WHEN a.sent_with_outcome > 0 AND a.requests_accepted BETWEEN 0 AND a.sent_with_outcome
                        THEN CAST(a.requests_accepted AS REAL) / a.sent_with_outcome END AS acceptance_rate,
                   a.messages_sent, a.messages_replied,
                   CASE WHEN a.messaged_with_outcome > 0 AND a.messages_replied BETWEEN 0 AND a.messaged_with_outcome
                        THEN CAST(a.messages_replied AS REAL) / a.messaged_with_outcome END AS response_rate,
                   t.median_reply_minutes, t.p90_reply_minutes, r.genuine_response_rate, r.positive_reply_rate
            FROM bounds b
            LEFT JOIN activity a ON a.position = b.position
            LEFT JOIN reply_times t ON t.position = b.position
            LEFT JOIN reply_rates r ON r.position = b.position
            UNION ALL
            SELECT 4, 'all_time', requests_sent, requests_accepted, acceptance_rate, messages_sent, messages_replied, response_rate,
                   median_reply_minutes, p90_reply_minutes, genuine_response_rate, positive_reply_rate
            FROM report_kpis
        )
        ORDER BY position;

        CREATE VIEW report_daily_trend AS
        SELECT date, SUM(requests_sent) AS requests_sent, SUM(requests_accepted) AS requests_accepted,
               SUM(messages_sent) AS messages_sent, SUM(messages_replied) AS messages_replied
        FROM report_daily_activity
        GROUP BY date
        ORDER BY date;

        -- Daily activity by ISO week (event view: accepts and replies counted in the week they happened).
        CREATE VIEW report_weekly AS
        SELECT printf('%04d-W%02d', d.iso_year, d.iso_week) AS iso_week, a.source, a.sender_id,
               SUM(a.requests_sent) AS requests_sent, SUM(a.requests_accepted) AS requests_accepted,
               CASE WHEN SUM(a.requests_sent) > 0 AND SUM(a.requests_accepted) BETWEEN 0 AND SUM(a.requests_sent)
                    THEN CAST(SUM(a.requests_accepted) AS REAL) / SUM(a.requests_sent) END AS acceptance_rate,
               SUM(a.messages_sent) AS messages_sent, SUM(a.messages_replied) AS messages_replied,
               CASE WHEN SUM(a.messages_sent) > 0 AND SUM(a.messages_replied) BETWEEN 0 AND SUM(a.messages_sent)
                    THEN CAST(SUM(a.messages_replied) AS REAL) / SUM(a.messages_sent) END AS response_rate
        FROM report_daily_activity a
        JOIN dim_date d ON d.date_key = a.date
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3;

        -- Each headline figure in the last complete ISO week of the data against the week before
        -- (the data's own last day anchors it, so the figures do not move with the day they are read).
        -- The daily activity is read once: the anchor and the two weeks both need it.
        CREATE VIEW report_kpi_changes AS
        WITH activity AS MATERIALIZED (
            SELECT date, requests_sent, requests_accepted, messages_sent, messages_replied FROM report_daily_activity
        ), anchor AS (
            SELECT CASE WHEN strftime('%w', MAX(date)) = '0' THEN MAX(date)
                        ELSE date(MAX(date), 'weekday 0', '-7 days') END AS week_end
            FROM activity
        ), weeks AS (
            SELECT CASE WHEN a.date > date(anchor.week_end, '-7 days') THEN 'this' ELSE 'last' END AS week,
                   SUM(a.requests_sent) AS requests_sent, SUM(a.requests_accepted) AS requests_accepted,
                   SUM(a.messages_sent) AS messages_sent, SUM(a.messages_replied) AS messages_replied
            FROM activity a, anchor
            WHERE a.date > date(anchor.week_end, '-14 days') AND a.date <= anchor.week_end
            GROUP BY 1
        ), conversation_weeks AS (
            -- The genuine and positive rates of a week are those of the conversations started in it.
            SELECT CASE WHEN substr(t.first_outbound_at, 1, 10) > date(anchor.week_end, '-7 days') THEN 'this' ELSE 'last' END AS week,
                   CAST(SUM(t.genuine_reply_at IS NOT NULL) AS REAL) / COUNT(*) AS genuine_response_rate,
                   CAST(SUM(t.reply_class = 'positive') AS REAL) / COUNT(*) AS positive_reply_rate
            FROM fact_thread t, anchor
            WHERE substr(t.first_outbound_at, 1, 10) > date(anchor.week_end, '-14 days')
              AND substr(t.first_outbound_at, 1, 10) <= anchor.week_end
            GROUP BY 1
        ), figures AS (
            SELECT w.week, requests_sent, requests_accepted,
                   CASE WHEN requests_sent > 0 AND requests_accepted BETWEEN 0 AND requests_sent
                        THEN CAST(requests_accepted AS REAL) / requests_sent END AS acceptance_rate,
                   messages_sent, messages_replied,
                   CASE WHEN messages_sent > 0 AND messages_replied BETWEEN 0 AND messages_sent
                        THEN CAST(messages_replied AS REAL) / messages_sent END AS response_rate,
                   c.genuine_response_rate, c.positive_reply_rate
            FROM weeks w LEFT JOIN conversation_weeks c USING (week)
        ), names(position, figure) AS (
            VALUES (1, 'requests_sent'), (2, 'requests_accepted'), (3, 'acceptance_rate'),
                   (4, 'messages_sent'), (5, 'messages_replied'), (6, 'response_rate'),
                   (7, 'genuine_response_rate'), (8, 'positive_reply_rate')
        ), pairs AS (
            SELECT n.position, n.figure,
                   (SELECT CASE n.figure WHEN 'requests_sent' THEN requests_sent WHEN 'requests_accepted' THEN requests_accepted
                           WHEN 'acceptance_rate' THEN acceptance_rate WHEN 'messages_sent' THEN messages_sent
                           WHEN 'messages_replied' THEN messages_replied WHEN 'response_rate' THEN response_rate
                           WHEN 'genuine_response_rate' THEN genuine_response_rate ELSE positive_reply_rate END
                    FROM figures WHERE week = 'this') AS this_week,
                   (SELECT CASE n.figure WHEN 'requests_sent' THEN requests_sent WHEN 'requests_accepted' THEN requests_accepted
                           WHEN 'acceptance_rate' THEN acceptance_rate WHEN 'messages_sent' THEN messages_sent
                           WHEN 'messages_replied' THEN messages_replied WHEN 'response_rate' THEN response_rate
                           WHEN 'genuine_response_rate' THEN genuine_response_rate ELSE positive_reply_rate END
                    FROM figures WHERE week = 'last') AS last_week
            FROM names n
        )
        SELECT figure, this_week, last_week, this_week - last_week AS change
        FROM pairs
        ORDER BY position;

        -- Campaign figures by campaign type.
        CREATE VIEW report_campaign_type_summary AS
        SELECT source, campaign_type, COUNT(*) AS campaigns,
               SUM(requests_sent) AS requests_sent, SUM(requests_accepted) AS requests_accepted,
               CASE WHEN SUM(requests_sent) > 0 AND SUM(requests_accepted) BETWEEN 0 AND SUM(requests_sent)
                    THEN CAST(SUM(requests_accepted) AS REAL) / SUM(requests_sent) END AS acceptance_rate,
               SUM(messages_sent) AS messages_sent, SUM(messages_replied) AS messages_replied,
               CASE WHEN SUM(messages_sent) > 0 AND SUM(messages_replied) BETWEEN 0 AND SUM(messages_sent)
                    THEN CAST(SUM(messages_replied) AS REAL) / SUM(messages_sent) END AS response_rate
        FROM report_campaign_summary
        GROUP BY source, campaign_type
        ORDER BY 1, 2;

        -- Each campaign's funnel: members, then requests sent, accepted, messaged, replied.
        CREATE VIEW report_funnel AS
        SELECT source, campaign_id, campaign_name, members, requests_sent, requests_accepted, messages_sent, messages_replied
        FROM report_campaign_summary
        WHERE members IS NOT NULL OR requests_sent IS NOT NULL
        ORDER BY 1, 2, 3;

        -- Cohort acceptance: of the invitations sent in an ISO week, the share accepted so far; pending
        -- ones count as not accepted and are shown. Only vendors with per-invitation outcomes fill it.
        CREATE VIEW report_cohort_acceptance AS
        SELECT s.name AS source, printf('%04d-W%02d', d.iso_year, d.iso_week) AS cohort_week,
               COUNT(*) AS invitations, SUM(i.status = 'accepted') AS accepted,
               SUM(i.status = 'pending') AS pending,
               CAST(SUM(i.status = 'accepted') AS REAL) / COUNT(*) AS acceptance_rate
        FROM invitation_outcome i
        JOIN dim_source s ON s.source_key = i.source_key
        JOIN dim_date d ON d.date_key = substr(i.sent_at, 1, 10)
        GROUP BY s.name, cohort_week
        ORDER BY 1, 2;

        -- One row per person reached through any vendor, keyed by the normalised LinkedIn public id,
        -- so a person contacted through two vendors is counted once. The touches are grouped by person
        -- and source first, then each person's source names are joined in name order by a window
        -- over that person's rows (group_concat takes its rows in the window's order): one sort,
        -- where a subquery per person rescanned every touch of every person.
        CREATE VIEW report_prospects AS
        WITH touches AS (
            SELECT prospect_key, source_key, 1 AS invited, status = 'accepted' AS accepted, 0 AS messaged, 0 AS replied
            FROM invitation_outcome WHERE prospect_key IS NOT NULL
            UNION ALL
            SELECT prospect_key, source_key, 0, 0, first_outbound_at IS NOT NULL, first_reply_at IS NOT NULL
            FROM fact_thread WHERE prospect_key IS NOT NULL
            UNION ALL
            SELECT prospect_key, source_key, lower(action_type) = 'connect', 0, lower(action_type) = 'message', COALESCE(replied, 0)
            FROM fact_action WHERE prospect_key IS NOT NULL AND lower(status) LIKE '%success%' AND lower(status) NOT LIKE '%unsuccess%'
        ), by_source AS (
            SELECT t.prospect_key, s.name, MAX(t.invited) AS invited, MAX(t.accepted) AS accepted,
                   MAX(t.messaged) AS messaged, MAX(t.replied) AS replied
            FROM touches t
            LEFT JOIN dim_source s ON s.source_key = t.source_key
            GROUP BY t.prospect_key, t.source_key
        ), listed AS (
            SELECT prospect_key, invited, accepted, messaged, replied,
                   group_concat(name, ', ') OVER (PARTITION BY prospect_key ORDER BY name
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS source_names
            FROM by_source
        )
        SELECT p.public_id AS prospect_id, p.name AS prospect_name, COUNT(*) AS sources, MAX(l.source_names) AS source_names,
               MAX(l.invited) AS invited, MAX(l.accepted) AS accepted, MAX(l.messaged) AS messaged, MAX(l.replied) AS replied
        FROM listed l
        JOIN dim_prospect p ON p.prospect_key = l.prospect_key
        GROUP BY p.prospect_key
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;

        -- The people reached, each counted once, by how many sources reached them.
        CREATE VIEW report_people_reached AS
        SELECT sources, COUNT(*) AS people, SUM(invited) AS invited, SUM(accepted) AS accepted,
               SUM(messaged) AS messaged, SUM(replied) AS replied
        FROM report_prospects
        GROUP BY sources
        ORDER BY sources;

        -- Every replied thread (an inbound message after its first outbound one) with its class: the genuine
        -- reply's, or auto_reply when every reply is an automatic answer; and the follow-ups sent before it.
        -- The transform decided each message's class and each thread's reply; the views only gather them.
        CREATE VIEW report_replies AS
        SELECT s.name AS source, snd.sender_id, t.thread_id, t.first_reply_at, t.reply_class, t.follow_ups_before_reply
        FROM fact_thread t
        JOIN dim_source s ON s.source_key = t.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = t.sender_key
        WHERE t.first_reply_at IS NOT NULL
        ORDER BY 1, 2, 3, 4, 5, 6;

        -- Per sender: conversations (threads with an outbound message), those replied, and their classes.
        CREATE VIEW report_reply_quality AS
        WITH counts AS (
            SELECT t.source_key, t.sender_key, COUNT(*) AS conversations,
                   SUM(t.first_reply_at IS NOT NULL) AS replied_conversations,
                   SUM(t.reply_class = 'auto_reply') AS auto_replies,
                   SUM(t.genuine_reply_at IS NOT NULL) AS genuine_replies,
                   SUM(t.reply_class = 'positive') AS positive, SUM(t.reply_class = 'negative') AS negative,
                   SUM(t.reply_class = 'referral') AS referral, SUM(t.reply_class = 'neutral') AS neutral
            FROM fact_thread t
            WHERE t.first_outbound_at IS NOT NULL
            GROUP BY t.source_key, t.sender_key
        )
        SELECT s.name AS source, snd.sender_id, c.conversations, c.replied_conversations, c.auto_replies, c.genuine_replies,
               c.positive, c.negative, c.referral, c.neutral,
               CAST(c.genuine_replies AS REAL) / c.conversations AS genuine_response_rate,
               CAST(c.positive AS REAL) / c.conversations AS positive_reply_rate
        FROM counts c
        JOIN dim_source s ON s.source_key = c.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = c.sender_key
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;

        -- Follow-up step k is a conversation's k-th outbound message sent while no genuine reply had come.
        -- Conversations are first counted by how many steps they reached (a few distinct counts per sender),
        -- then each step takes the conversations that reached it and the replies that came after it.
        CREATE VIEW report_follow_up_steps AS
        WITH RECURSIVE reached AS (
            SELECT source_key, sender_key, steps_before_genuine_reply AS steps, COUNT(*) AS conversations,
                   SUM(genuine_reply_at IS NOT NULL) AS replied
            FROM fact_thread
            WHERE first_outbound_at IS NOT NULL AND steps_before_genuine_reply > 0
            GROUP BY source_key, sender_key, steps_before_genuine_reply
        ), step(number) AS (
            SELECT 1 WHERE EXISTS (SELECT 1 FROM reached)
            UNION ALL
            SELECT number + 1 FROM step WHERE number < (SELECT MAX(steps) FROM reached)
        ), by_step AS (
            SELECT r.source_key, r.sender_key, k.number AS step, SUM(r.conversations) AS conversations_reaching_step,
                   SUM(CASE WHEN r.steps = k.number THEN r.replied ELSE 0 END) AS genuine_replies_after_step
            FROM reached r JOIN step k ON k.number <= r.steps
            GROUP BY r.source_key, r.sender_key, k.number
        )
        SELECT s.name AS source, snd.sender_id, b.step, b.conversations_reaching_step, b.genuine_replies_after_step,
               CAST(b.genuine_replies_after_step AS REAL) / b.conversations_reaching_step AS reply_rate
        FROM by_step b
        JOIN dim_source s ON s.source_key = b.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = b.sender_key
        ORDER BY 1, 2, 3, 4, 5, 6;

        -- Each conversation at the local weekday (1 Monday to 7 Sunday) and hour of its first outbound message,
        -- in the report zone: the zone's offset at that instant is the latest zone_offset row at or before it.
        CREATE VIEW conversation_start_local AS
        SELECT t.source_key, t.sender_key, t.genuine_reply_at,
               datetime(t.first_outbound_at,
                        COALESCE((SELECT z.offset_seconds FROM zone_offset z WHERE z.valid_from <= t.first_outbound_at
                                  ORDER BY z.valid_from DESC LIMIT 1), 0) || ' seconds') AS local_start
        FROM fact_thread t
        WHERE t.first_outbound_at IS NOT NULL;

        CREATE VIEW report_send_time AS
        SELECT s.name AS source, (CAST(strftime('%w', c.local_start) AS INTEGER) + 6) % 7 + 1 AS weekday,
               CAST(strftime('%H', c.local_start) AS INTEGER) AS hour, COUNT(*) AS conversations_started,
               SUM(c.genuine_reply_at IS NOT NULL) AS genuine_replies
        FROM conversation_start_local c
        JOIN dim_source s ON s.source_key = c.source_key
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3, 4, 5;

        -- The follow-up steps and send times over every source and sender, for the report's charts.
        CREATE VIEW report_follow_up_step_totals AS
        SELECT step, SUM(conversations_reaching_step) AS conversations_reaching_step,
               SUM(genuine_replies_after_step) AS genuine_replies_after_step,
               CAST(SUM(genuine_replies_after_step) AS REAL) / SUM(conversations_reaching_step) AS reply_rate
        FROM report_follow_up_steps
        GROUP BY step
        ORDER BY step;

        CREATE VIEW report_send_time_totals AS
        SELECT weekday, hour, SUM(conversations_started) AS conversations_started, SUM(genuine_replies) AS genuine_replies,
               CAST(SUM(genuine_replies) AS REAL) / SUM(conversations_started) AS genuine_response_rate
        FROM report_send_time
        GROUP BY weekday, hour
        ORDER BY weekday, hour;

        -- report_send_time per sender, for the sender pages.
        CREATE VIEW report_send_time_by_sender AS
        SELECT s.name AS source, snd.sender_id, (CAST(strftime('%w', c.local_start) AS INTEGER) + 6) % 7 + 1 AS weekday,
               CAST(strftime('%H', c.local_start) AS INTEGER) AS hour, COUNT(*) AS conversations_started,
               SUM(c.genuine_reply_at IS NOT NULL) AS genuine_replies
        FROM conversation_start_local c
        JOIN dim_source s ON s.source_key = c.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = c.sender_key
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4, 5, 6;

        -- Each campaign's steps with the vendor's lifetime figures (Konnector's `campaign_steps`):
        -- acceptance for an invitation step, replies for a message step, empty where the vendor gives none.
        CREATE VIEW report_campaign_steps AS
        SELECT s.name AS source, c.campaign_id, st.step_number, st.step_type, st.sent, st.accepted, st.replied,
               CASE WHEN st.sent > 0 AND st.accepted BETWEEN 0 AND st.sent THEN CAST(st.accepted AS REAL) / st.sent END
                   AS acceptance_rate,
               CASE WHEN st.sent > 0 AND st.replied BETWEEN 0 AND st.sent THEN CAST(st.replied AS REAL) / st.sent END
                   AS reply_rate
        FROM fact_campaign_step st
        JOIN dim_campaign c ON c.campaign_key = st.campaign_key
        JOIN dim_source s ON s.source_key = c.source_key
        ORDER BY 1, 2, 3;

        -- Each source's limits: its own caps where `report_limit` has them, else the defaults.
        CREATE VIEW source_limits AS
        SELECT s.source_key, s.name AS source,
               COALESCE(o.weekly_invitation_cap, d.weekly_invitation_cap) AS invitation_cap,
               COALESCE(o.weekly_message_cap, d.weekly_message_cap) AS message_cap,
               d.pending_warning
        FROM dim_source s
        LEFT JOIN report_limit d ON d.source = ''
        LEFT JOIN report_limit o ON o.source = s.name;

        -- Invitations still pending per sender: Konnector's count over the sender's campaigns (it gives no
        -- ages), or the invitations with no decision yet (Linked API, LinkedIn mobile files) with how many
        -- were sent more than 14, 21 and 30 days before `as_of`, the last time the source's invitations
        -- were seen (a status check, else the page that brought them), so the figures do not move with the
        -- day they are read.
        CREATE VIEW report_pending_invitations AS
        WITH counted AS (
            SELECT cc.sender_key, SUM(p.pending_count) AS pending, MAX(r.fetched_at) AS as_of
            FROM fact_campaign_pending p
            JOIN campaign_current cc ON cc.campaign_key = p.campaign_key
            LEFT JOIN raw_page r ON r.id = p.raw_page_id
            WHERE cc.sender_key IS NOT NULL
            GROUP BY cc.sender_key
        ), seen AS (
            SELECT i.source_key, MAX(COALESCE(i.checked_at, r.fetched_at)) AS as_of
            FROM fact_invitation i LEFT JOIN raw_page r ON r.id = i.raw_page_id
            GROUP BY i.source_key
        ), undecided AS (
            SELECT i.sender_key, COUNT(*) AS pending,
                   SUM(julianday(seen.as_of) - julianday(i.sent_at) > 14) AS over_14,
                   SUM(julianday(seen.as_of) - julianday(i.sent_at) > 21) AS over_21,
                   SUM(julianday(seen.as_of) - julianday(i.sent_at) > 30) AS over_30,
                   MAX(seen.as_of) AS as_of
            FROM invitation_outcome i JOIN seen ON seen.source_key = i.source_key
            WHERE i.status = 'pending' AND i.sender_key IS NOT NULL
            GROUP BY i.sender_key
        ), pending AS (
            SELECT sender_key, pending, NULL AS over_14, NULL AS over_21, NULL AS over_30, as_of FROM counted
            UNION ALL
            SELECT sender_key, pending, over_14, over_21, over_30, as_of FROM undecided
        )
        SELECT s.name AS source, snd.sender_id, snd.name AS sender_name, SUM(p.pending) AS pending,
               SUM(p.over_14) AS pending_over_14_days, SUM(p.over_21) AS pending_over_21_days,
               SUM(p.over_30) AS pending_over_30_days, substr(MAX(p.as_of), 1, 10) AS as_of
        FROM pending p
        JOIN dim_sender snd ON snd.sender_key = p.sender_key
        JOIN dim_source s ON s.source_key = snd.source_key
        GROUP BY s.name, snd.sender_id, snd.name
        ORDER BY 1, 2, 3;

        -- Each sender's ISO weeks against its weekly caps: invitations and messages sent (as in
        -- report_weekly) and the share of each cap; over_cap when either passes its cap.
        CREATE VIEW report_sender_weekly_load AS
        SELECT w.iso_week, w.source, w.sender_id, snd.name AS sender_name, w.requests_sent AS invitations_sent,
               w.messages_sent, l.invitation_cap, l.message_cap,
               CASE WHEN l.invitation_cap > 0 THEN CAST(w.requests_sent AS REAL) / l.invitation_cap END AS invitation_cap_share,
               CASE WHEN l.message_cap > 0 THEN CAST(w.messages_sent AS REAL) / l.message_cap END AS message_cap_share,
               CASE WHEN w.requests_sent > l.invitation_cap OR w.messages_sent > l.message_cap THEN 1 ELSE 0 END AS over_cap
        FROM report_weekly w
        JOIN source_limits l ON l.source = w.source
        LEFT JOIN dim_sender snd ON snd.source_key = l.source_key AND snd.sender_id = w.sender_id
        ORDER BY 1, 2, 3;

        -- The reconciliation and rule checks of metrics.md, one row per finding.
        CREATE VIEW report_quality_warnings AS
        WITH campaign AS (
            SELECT s.name AS source, c.campaign_id AS subject_id, c.name AS subject_name, f.*
            FROM campaign_current c
            JOIN dim_source s ON s.source_key = c.source_key
            JOIN campaign_latest_snapshot f ON f.campaign_key = c.campaign_key
        ), sender_window AS (
            SELECT s.name AS source, snd.sender_id AS subject_id, snd.name AS subject_name, w.*
            FROM fact_sender_window w
            JOIN (SELECT sender_key, MAX(raw_page_id) AS raw_page_id FROM fact_sender_window GROUP BY sender_key)
              USING (sender_key, raw_page_id)
            JOIN dim_sender snd ON snd.sender_key = w.sender_key
            JOIN dim_source s ON s.source_key = snd.source_key
        ), checked AS (
            SELECT source, 'campaign' AS scope, subject_id, subject_name, requests_sent, requests_accepted,
                   vendor_acceptance_pct, messages_sent, messages_replied, vendor_response_pct FROM campaign
            UNION ALL
            SELECT source, 'sender', subject_id, subject_name, requests_sent, requests_accepted,
                   vendor_acceptance_pct, messages_sent, messages_replied, vendor_response_pct FROM sender_window
        ), daily AS (
            SELECT s.name AS source, c.campaign_id AS subject_id, c.name AS subject_name,
                   f.date_key, r.fetched_at
            FROM fact_campaign_daily f
            JOIN campaign_current c ON c.campaign_key = f.campaign_key
            JOIN dim_source s ON s.source_key = c.source_key
            JOIN raw_page r ON r.id = f.raw_page_id
        )
        SELECT p.source, 'sender' AS scope, p.sender_id AS subject_id, p.sender_name AS subject_name,
               'pending_backlog' AS check_name,
               printf('%d invitations pending, past the warning at %d: withdrawing the oldest pending invitations is the usual remedy',
                      p.pending, l.pending_warning) AS detail
        FROM report_pending_invitations p JOIN source_limits l ON l.source = p.source
        WHERE p.pending > l.pending_warning
        UNION ALL
        SELECT source, scope, subject_id, subject_name, 'acceptance_rate_mismatch',
               printf('vendor reports %.2f%%, its counts give %.2f%% (%d of %d)', vendor_acceptance_pct,
                      100.0 * requests_accepted / requests_sent, requests_accepted, requests_sent)
        FROM checked
        WHERE requests_sent > 0 AND vendor_acceptance_pct IS NOT NULL
          AND ABS(vendor_acceptance_pct - 100.0 * requests_accepted / requests_sent) > 0.1
        UNION ALL
        SELECT source, scope, subject_id, subject_name, 'response_rate_mismatch',
               printf('vendor reports %.2f%%, its counts give %.2f%% (%d of %d)', vendor_response_pct,
                      100.0 * messages_replied / messages_sent, messages_replied, messages_sent)
        FROM checked
        WHERE messages_sent > 0 AND vendor_response_pct IS NOT NULL
          AND ABS(vendor_response_pct - 100.0 * messages_replied / messages_sent) > 0.1
        UNION ALL
        SELECT source, scope, subject_id, subject_name, 'accepted_exceeds_sent',
               printf('%d accepted of %d sent', requests_accepted, requests_sent)
        FROM checked WHERE requests_accepted > requests_sent
        UNION ALL
        SELECT source, scope, subject_id, subject_name, 'replied_exceeds_sent',
               printf('%d replied of %d sent', messages_replied, messages_sent)
        FROM checked WHERE messages_replied > messages_sent
        UNION ALL
        SELECT source, 'campaign', subject_id, subject_name, 'date_in_future',
               printf('a daily row dated %s was fetched on %s', date_key, substr(fetched_at, 1, 10))
        FROM daily WHERE date_key > substr(fetched_at, 1, 10)
        UNION ALL
        SELECT source, 'campaign', subject_id, subject_name, 'gap_in_daily_series',
               printf('%d of the days from %s to %s are missing', span - days, first_day, last_day)
        FROM (SELECT source, subject_id, subject_name, MIN(date_key) AS first_day, MAX(date_key) AS last_day,
                     COUNT(*) AS days,
                     CAST(julianday(MAX(date_key)) - julianday(MIN(date_key)) AS INTEGER) + 1 AS span
              FROM daily GROUP BY source, subject_id, subject_name)
        WHERE span > days
        ORDER BY 1, 2, 3, 4, 5, 6;
        """
}
