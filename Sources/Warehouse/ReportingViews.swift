/// The reporting views: every figure the reports show is computed here, once, in SQL.
///
/// Views hold no data, so they are dropped and recreated on every open instead of migrated:
/// a change to a figure ships without a migration, and the warehouse never keeps a stale definition.
/// They use plain SQLite only, so any SQLite client (BI tools, Python) can read them.
public enum ReportingViews {
    /// The five views of the outside contract, in the contract's order.
    public static let contractViews = [
        "report_sender_summary", "report_campaign_summary", "report_daily_activity",
        "report_request_outcomes", "report_threads",
    ]

    /// Drops and recreates every view.
    public static func install(in db: Database) throws {
        let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view'")
        for name in existing {
            try db.execute(sql: "DROP VIEW \(name.quotedDatabaseIdentifier)")
        }
        try db.execute(sql: sql)
    }

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
               CASE WHEN f.requests_sent > 0 AND f.requests_accepted <= f.requests_sent
                    THEN CAST(f.requests_accepted AS REAL) / f.requests_sent END AS acceptance_rate,
               f.messages_sent, f.messages_replied,
               CASE WHEN f.messages_sent > 0 AND f.messages_replied <= f.messages_sent
                    THEN CAST(f.messages_replied AS REAL) / f.messages_sent END AS response_rate
        FROM campaign_current c
        JOIN dim_source s ON s.source_key = c.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = c.sender_key
        LEFT JOIN campaign_latest_snapshot f ON f.campaign_key = c.campaign_key
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;

        -- A sender's figures are the sum of its campaigns' latest cumulative counters. A sender
        -- without campaigns counts 0 where its source reports campaign counters at all.
        CREATE VIEW sender_totals AS
        SELECT snd.sender_key, s.name AS source, snd.sender_id, snd.name AS sender_name,
               COALESCE(t.requests_sent, z.zero) AS requests_sent,
               COALESCE(t.requests_accepted, z.zero) AS requests_accepted,
               COALESCE(t.messages_sent, z.zero) AS messages_sent,
               COALESCE(t.messages_replied, z.zero) AS messages_replied
        FROM dim_sender snd
        JOIN dim_source s ON s.source_key = snd.source_key
        LEFT JOIN (SELECT c.sender_key, SUM(f.requests_sent) AS requests_sent,
                          SUM(f.requests_accepted) AS requests_accepted,
                          SUM(f.messages_sent) AS messages_sent, SUM(f.messages_replied) AS messages_replied
                   FROM campaign_current c JOIN campaign_latest_snapshot f USING (campaign_key)
                   GROUP BY c.sender_key) t ON t.sender_key = snd.sender_key
        LEFT JOIN (SELECT DISTINCT c.source_key, 0 AS zero
                   FROM dim_campaign c JOIN fact_campaign_snapshot f USING (campaign_key)) z
          ON z.source_key = snd.source_key;

        CREATE VIEW report_sender_summary AS
        SELECT source, sender_id, sender_name, requests_sent, requests_accepted,
               CASE WHEN requests_sent > 0 AND requests_accepted <= requests_sent
                    THEN CAST(requests_accepted AS REAL) / requests_sent END AS acceptance_rate,
               messages_sent, messages_replied,
               CASE WHEN messages_sent > 0 AND messages_replied <= messages_sent
                    THEN CAST(messages_replied AS REAL) / messages_sent END AS response_rate
        FROM sender_totals
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

        -- The finest grain each day has: campaign rows where the vendor gives them, otherwise
        -- one sender row (campaign_id NULL) for a day with activity that no campaign row of that
        -- sender covers. Sender days without any activity add nothing and are left out.
        CREATE VIEW report_daily_activity AS
        SELECT f.date_key AS date, s.name AS source, snd.sender_id, c.campaign_id,
               f.requests_sent, f.requests_accepted, f.messages_sent, f.messages_replied
        FROM fact_campaign_daily f
        JOIN campaign_current c ON c.campaign_key = f.campaign_key
        JOIN dim_source s ON s.source_key = c.source_key
        LEFT JOIN dim_sender snd ON snd.sender_key = c.sender_key
        UNION ALL
        SELECT f.date_key, s.name, snd.sender_id, NULL,
               f.requests_sent, f.requests_accepted, f.messages_sent, f.messages_replied
        FROM fact_sender_daily f
        JOIN dim_sender snd ON snd.sender_key = f.sender_key
        JOIN dim_source s ON s.source_key = snd.source_key
        WHERE (f.requests_sent > 0 OR f.requests_accepted > 0 OR f.messages_sent > 0 OR f.messages_replied > 0)
          AND NOT EXISTS (SELECT 1 FROM fact_campaign_daily cd
                          JOIN campaign_current cc ON cc.campaign_key = cd.campaign_key
                          WHERE cc.sender_key = f.sender_key AND cd.date_key = f.date_key)
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;

        -- Filled by the WeConnect source (its action outcomes); empty until one is configured.
        CREATE VIEW report_request_outcomes AS
        SELECT CAST(NULL AS TEXT) AS source, CAST(NULL AS TEXT) AS sender_id,
               CAST(NULL AS TEXT) AS action_type, CAST(NULL AS TEXT) AS status,
               CAST(NULL AS INTEGER) AS requests
        WHERE 0;

        -- Filled by the WeConnect source (its message threads); empty until one is configured.
        CREATE VIEW report_threads AS
        SELECT CAST(NULL AS TEXT) AS source, CAST(NULL AS TEXT) AS sender_id,
               CAST(NULL AS TEXT) AS thread_id, CAST(NULL AS TEXT) AS prospect_name,
               CAST(NULL AS TEXT) AS prospect_profile, CAST(NULL AS TEXT) AS first_outbound_at,
               CAST(NULL AS TEXT) AS first_reply_at, CAST(NULL AS INTEGER) AS messages_in,
               CAST(NULL AS INTEGER) AS messages_out, CAST(NULL AS INTEGER) AS replied
        WHERE 0;

        -- Headline figures over every sender. A rate counts only senders whose source knows both counts.
        CREATE VIEW report_kpis AS
        SELECT SUM(requests_sent) AS requests_sent,
               SUM(requests_accepted) AS requests_accepted,
               CASE WHEN SUM(CASE WHEN requests_accepted IS NOT NULL THEN requests_sent END) > 0
                    THEN CAST(SUM(requests_accepted) AS REAL)
                         / SUM(CASE WHEN requests_accepted IS NOT NULL THEN requests_sent END)
               END AS acceptance_rate,
               SUM(messages_sent) AS messages_sent,
               SUM(messages_replied) AS messages_replied,
               CASE WHEN SUM(CASE WHEN messages_replied IS NOT NULL THEN messages_sent END) > 0
                    THEN CAST(SUM(messages_replied) AS REAL)
                         / SUM(CASE WHEN messages_replied IS NOT NULL THEN messages_sent END)
               END AS response_rate
        FROM report_sender_summary;

        CREATE VIEW report_daily_trend AS
        SELECT date, SUM(requests_sent) AS requests_sent, SUM(requests_accepted) AS requests_accepted,
               SUM(messages_sent) AS messages_sent, SUM(messages_replied) AS messages_replied
        FROM report_daily_activity
        GROUP BY date
        ORDER BY date;

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
        SELECT source, scope, subject_id, subject_name, 'acceptance_rate_mismatch' AS check_name,
               printf('vendor reports %.2f%%, its counts give %.2f%% (%d of %d)', vendor_acceptance_pct,
                      100.0 * requests_accepted / requests_sent, requests_accepted, requests_sent) AS detail
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
