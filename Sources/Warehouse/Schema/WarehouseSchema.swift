/// The ordered, named migrations that build the warehouse's tables.
///
/// Migrations are append-only: a released migration is never edited, a change is a new one.
public enum WarehouseSchema {
    /// Every migration, in order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs-and-raw-landing") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    command TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL DEFAULT 'running'
                );
                CREATE TABLE run_source (
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    source TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    pages INTEGER NOT NULL DEFAULT 0,
                    rows INTEGER NOT NULL DEFAULT 0,
                    api_calls INTEGER NOT NULL DEFAULT 0,
                    retries INTEGER NOT NULL DEFAULT 0,
                    rate_limited INTEGER NOT NULL DEFAULT 0,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    error TEXT,
                    PRIMARY KEY (run_id, source)
                );
                CREATE TABLE raw_page (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    source TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    endpoint TEXT NOT NULL,
                    method TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    http_status INTEGER NOT NULL,
                    content_type TEXT,
                    fetched_at TEXT NOT NULL,
                    body BLOB NOT NULL,
                    content_hash TEXT NOT NULL
                );
                CREATE INDEX raw_page_by_source ON raw_page(source, endpoint, id);
                """)
        }
        migrator.registerMigration("v2-star-schema") { db in
            try db.execute(sql: """
                CREATE TABLE transform_state (
                    key TEXT PRIMARY KEY,
                    value INTEGER NOT NULL
                );
                CREATE TABLE dim_source (
                    source_key INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL
                );
                CREATE TABLE dim_date (
                    date_key TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    month INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    iso_year INTEGER NOT NULL,
                    iso_week INTEGER NOT NULL,
                    weekday INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE dim_sender (
                    sender_key INTEGER PRIMARY KEY,
                    source_key INTEGER NOT NULL REFERENCES dim_source(source_key),
                    sender_id TEXT NOT NULL,
                    name TEXT,
                    email TEXT,
                    status TEXT,
                    UNIQUE (source_key, sender_id)
                );
                CREATE TABLE dim_campaign (
                    campaign_key INTEGER PRIMARY KEY,
                    source_key INTEGER NOT NULL REFERENCES dim_source(source_key),
                    campaign_id TEXT NOT NULL,
                    UNIQUE (source_key, campaign_id)
                );
                -- Type-2 history: one row per distinct set of attributes, the open one has valid_to NULL.
                CREATE TABLE dim_campaign_version (
                    campaign_key INTEGER NOT NULL REFERENCES dim_campaign(campaign_key),
                    valid_from TEXT NOT NULL,
                    valid_to TEXT,
                    name TEXT,
                    campaign_type TEXT,
                    campaign_status TEXT,
                    sender_key INTEGER REFERENCES dim_sender(sender_key),
                    created_at TEXT,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (campaign_key, valid_from, raw_page_id)
                );
                CREATE INDEX dim_campaign_version_current ON dim_campaign_version(campaign_key) WHERE valid_to IS NULL;
                -- The vendor's cumulative counters as seen on each fetch.
                CREATE TABLE fact_campaign_snapshot (
                    campaign_key INTEGER NOT NULL REFERENCES dim_campaign(campaign_key),
                    raw_page_id INTEGER NOT NULL,
                    observed_at TEXT NOT NULL,
                    members INTEGER,
                    requests_sent INTEGER,
                    requests_accepted INTEGER,
                    vendor_acceptance_pct REAL,
                    messages_sent INTEGER,
                    messages_replied INTEGER,
                    vendor_response_pct REAL,
                    PRIMARY KEY (campaign_key, raw_page_id)
                ) WITHOUT ROWID;
                -- A sender's figures over one requested window, as the vendor's dashboard reported them.
                CREATE TABLE fact_sender_window (
                    sender_key INTEGER NOT NULL REFERENCES dim_sender(sender_key),
                    raw_page_id INTEGER NOT NULL,
                    observed_at TEXT NOT NULL,
                    window_start TEXT,
                    window_end TEXT,
                    requests_sent INTEGER,
                    requests_accepted INTEGER,
                    vendor_acceptance_pct REAL,
                    messages_sent INTEGER,
                    messages_replied INTEGER,
                    vendor_response_pct REAL,
                    PRIMARY KEY (sender_key, raw_page_id)
                ) WITHOUT ROWID;
                CREATE TABLE fact_campaign_daily (
                    campaign_key INTEGER NOT NULL REFERENCES dim_campaign(campaign_key),
                    date_key TEXT NOT NULL REFERENCES dim_date(date_key),
                    members_added INTEGER,
                    requests_sent INTEGER,
                    requests_accepted INTEGER,
                    messages_sent INTEGER,
                    messages_replied INTEGER,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (campaign_key, date_key)
                ) WITHOUT ROWID;
                CREATE TABLE fact_sender_daily (
                    sender_key INTEGER NOT NULL REFERENCES dim_sender(sender_key),
                    date_key TEXT NOT NULL REFERENCES dim_date(date_key),
                    members_added INTEGER,
                    requests_sent INTEGER,
                    requests_accepted INTEGER,
                    messages_sent INTEGER,
                    messages_replied INTEGER,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (sender_key, date_key)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3-weconnect-and-extract-state") { db in
            try db.execute(sql: """
                -- Request ids whose outcome later runs follow (extract's work queue, filled by `etl track`).
                CREATE TABLE request_ledger (
                    source TEXT NOT NULL,
                    request_id TEXT NOT NULL,
                    registered_at TEXT NOT NULL,
                    action_type TEXT,
                    status TEXT,
                    is_final INTEGER NOT NULL DEFAULT 0,
                    final_at TEXT,
                    replied INTEGER,
                    last_polled_at TEXT,
                    PRIMARY KEY (source, request_id)
                ) WITHOUT ROWID;
                -- What extract last saw of each listed item (a thread, a campaign), so an item whose
                -- listing did not change is not fetched again.
                CREATE TABLE extract_state (
                    source TEXT NOT NULL,
                    item_kind TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    fetched_at TEXT NOT NULL,
                    PRIMARY KEY (source, item_kind, item_id)
                ) WITHOUT ROWID;
                -- Per source and endpoint, how far a completed run has read (a day for date windows).
                CREATE TABLE bookmark (
                    source TEXT NOT NULL,
                    endpoint TEXT NOT NULL,
                    value TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (source, endpoint)
                ) WITHOUT ROWID;
                -- Each credential's daily API allowance, shared by every run and process.
                CREATE TABLE api_budget (
                    credential TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    day_started_at TEXT NOT NULL,
                    day_used INTEGER NOT NULL DEFAULT 0,
                    day_limit INTEGER,
                    remaining_reported INTEGER,
                    reported_at TEXT,
                    exhausted_until TEXT
                ) WITHOUT ROWID;
                -- One person, keyed by the normalised LinkedIn public id.
                CREATE TABLE dim_prospect (
                    prospect_key INTEGER PRIMARY KEY,
                    public_id TEXT NOT NULL UNIQUE,
                    name TEXT,
                    job TEXT,
                    company TEXT,
                    location TEXT
                );
                CREATE TABLE fact_thread (
                    thread_key INTEGER PRIMARY KEY,
                    source_key INTEGER NOT NULL REFERENCES dim_source(source_key),
                    thread_id TEXT NOT NULL,
                    sender_key INTEGER REFERENCES dim_sender(sender_key),
                    prospect_key INTEGER REFERENCES dim_prospect(prospect_key),
                    prospect_name TEXT,
                    last_activity_at TEXT,
                    first_outbound_at TEXT,
                    first_reply_at TEXT,
                    messages_in INTEGER,
                    messages_out INTEGER,
                    reply_minutes REAL,
                    raw_page_id INTEGER NOT NULL,
                    UNIQUE (source_key, thread_id)
                );
                CREATE TABLE fact_message (
                    thread_key INTEGER NOT NULL REFERENCES fact_thread(thread_key),
                    position INTEGER NOT NULL,
                    direction TEXT NOT NULL,
                    sent_at TEXT,
                    author TEXT,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (thread_key, position)
                ) WITHOUT ROWID;
                CREATE TABLE fact_action (
                    action_key INTEGER PRIMARY KEY,
                    source_key INTEGER NOT NULL REFERENCES dim_source(source_key),
                    request_id TEXT NOT NULL,
                    sender_key INTEGER REFERENCES dim_sender(sender_key),
                    prospect_key INTEGER REFERENCES dim_prospect(prospect_key),
                    account_id TEXT,
                    action_type TEXT,
                    status TEXT,
                    is_final INTEGER NOT NULL DEFAULT 0,
                    final_at TEXT,
                    replied INTEGER,
                    raw_page_id INTEGER NOT NULL,
                    UNIQUE (source_key, request_id)
                );
                -- Every status an action was seen in, with when it was first seen so.
                CREATE TABLE fact_action_status (
                    action_key INTEGER NOT NULL REFERENCES fact_action(action_key),
                    status TEXT NOT NULL,
                    first_seen_at TEXT NOT NULL,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (action_key, status)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4-invitations") { db in
            try db.execute(sql: """
                -- One connection invitation with its own outcome, for cohort acceptance; filled by
                -- vendors that report acceptance per invitation (Linked API), empty until then.
                CREATE TABLE fact_invitation (
                    source_key INTEGER NOT NULL REFERENCES dim_source(source_key),
                    invitation_id TEXT NOT NULL,
                    sender_key INTEGER REFERENCES dim_sender(sender_key),
                    prospect_key INTEGER REFERENCES dim_prospect(prospect_key),
                    sent_at TEXT NOT NULL,
                    accepted_at TEXT,
                    status TEXT NOT NULL,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (source_key, invitation_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5-every-vendor") { db in
            try db.execute(sql: """
                -- The person a followed request is about (a Linked API invitation's profile URL).
                ALTER TABLE request_ledger ADD COLUMN subject TEXT;
                -- When a reply to a followed message came, where the vendor says (We-Link).
                ALTER TABLE fact_action ADD COLUMN replied_at TEXT;
                -- When an invitation's status was last checked with the vendor.
                ALTER TABLE fact_invitation ADD COLUMN checked_at TEXT;
                -- The vendor's own id of a message, where it gives one (a conversation read in parts).
                ALTER TABLE fact_message ADD COLUMN message_id TEXT;
                -- Pushed and imported pages are recognised by their content, so a repeat is not landed twice.
                CREATE INDEX raw_page_by_content ON raw_page(source, endpoint, content_hash);
                -- Each request to a vendor whose allowance is a rolling window (We-Link: 30 an hour).
                CREATE TABLE api_call (
                    credential TEXT NOT NULL,
                    called_at TEXT NOT NULL
                );
                CREATE INDEX api_call_by_credential ON api_call(credential, called_at);
                -- A rolling window the vendor said is full, until when.
                CREATE TABLE api_window (
                    credential TEXT PRIMARY KEY,
                    exhausted_until TEXT NOT NULL
                ) WITHOUT ROWID;
                -- A prospect seen to have accepted the source's invitation: when the vendor saw it
                -- (Linked API's `network.connectionAccepted`), or NULL when only the fact is known
                -- (a LinkedIn connections list).
                CREATE INDEX fact_invitation_by_prospect ON fact_invitation(source_key, prospect_key, sent_at);
                CREATE TABLE fact_connection_accepted (
                    source_key INTEGER NOT NULL REFERENCES dim_source(source_key),
                    prospect_key INTEGER NOT NULL REFERENCES dim_prospect(prospect_key),
                    detected_at TEXT,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (source_key, prospect_key)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v6-replies") { db in
            try db.execute(sql: """
                -- An inbound message's class (auto_reply, negative, referral, positive, neutral), decided in the
                -- transform from its text by the reply rules.
                ALTER TABLE fact_message ADD COLUMN reply_class TEXT;
                -- A thread's genuine reply (its first inbound message after the first outbound one that is not
                -- an auto-reply), its class (auto_reply when every reply is one), the follow-ups sent before the
                -- reply, and the outbound messages no genuine reply had answered yet (the follow-up steps reached).
                ALTER TABLE fact_thread ADD COLUMN genuine_reply_at TEXT;
                ALTER TABLE fact_thread ADD COLUMN reply_class TEXT;
                ALTER TABLE fact_thread ADD COLUMN follow_ups_before_reply INTEGER;
                ALTER TABLE fact_thread ADD COLUMN steps_before_genuine_reply INTEGER;
                -- How the contents were made: the reply rules' version, the report zone.
                CREATE TABLE warehouse_setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                -- The report zone's offset from UTC from each instant on (UTC, ISO 8601 with Z), so plain SQL
                -- gives local weekdays and hours: the offset of the latest row at or before an instant applies.
                CREATE TABLE zone_offset (
                    valid_from TEXT PRIMARY KEY,
                    offset_seconds INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v7-steps-pending-limits") { db in
            try db.execute(sql: """
                -- Each campaign's steps as the vendor's latest page gave them (Konnector's `campaign_steps`):
                -- the lifetime figures of each step; a figure the vendor does not give stays NULL.
                CREATE TABLE fact_campaign_step (
                    campaign_key INTEGER NOT NULL REFERENCES dim_campaign(campaign_key),
                    step_number INTEGER NOT NULL,
                    step_type TEXT,
                    sent INTEGER,
                    accepted INTEGER,
                    replied INTEGER,
                    raw_page_id INTEGER NOT NULL,
                    PRIMARY KEY (campaign_key, step_number)
                ) WITHOUT ROWID;
                -- Each campaign's invitations still pending, as its latest page counted them (Konnector's
                -- `connection_metrics.pending_count`).
                CREATE TABLE fact_campaign_pending (
                    campaign_key INTEGER PRIMARY KEY REFERENCES dim_campaign(campaign_key),
                    pending_count INTEGER NOT NULL,
                    raw_page_id INTEGER NOT NULL
                );
                -- The report's limits (`[reports]`, overridden per source): the weekly volumes a LinkedIn account
                -- is kept under, and the pending backlog a warning starts at. The row of source '' holds the
                -- defaults; a source's own row overrides what it does not leave NULL.
                CREATE TABLE report_limit (
                    source TEXT PRIMARY KEY,
                    weekly_invitation_cap INTEGER,
                    weekly_message_cap INTEGER,
                    pending_warning INTEGER
                ) WITHOUT ROWID;
                INSERT INTO report_limit VALUES ('', \(ReportLimits.defaultInvitationCap), \(ReportLimits.defaultMessageCap),
                                                 \(ReportLimits.defaultPendingWarning));
                """)
        }
        return migrator
    }

    /// The star-schema tables that `transform --rebuild` empties, children before parents.
    public static let derivedTables = [
        "fact_campaign_step", "fact_campaign_pending", "fact_connection_accepted", "fact_invitation", "fact_action_status", "fact_action", "fact_message", "fact_thread", "dim_prospect", "fact_sender_daily", "fact_campaign_daily", "fact_sender_window", "fact_campaign_snapshot",
        "dim_campaign_version", "dim_campaign", "dim_sender", "dim_date", "dim_source", "transform_state",
    ]
}
