import Foundation
import Vendors
import Warehouse

/// Everything an extractor needs to know about one configured source, secrets already resolved.
public struct SourceSettings: Sendable {
    public var name: String
    public var kind: SourceKind
    public var baseURL: URL
    /// Headers that authenticate every request.
    public var authHeaders: [String: String]
    /// Every secret value of the source, removed from anything stored, logged or shown.
    public var secrets: [String]
    /// The first day to read (inclusive) for items read before: the last completed run minus the
    /// lookback, or a backfill's `--since`; nil for all the history the vendor offers.
    public var startDate: String?
    /// The first day to read for items never read before (the source's `start_date`), nil for all.
    public var historyStart: String?
    /// A `--since`/`--until` backfill: every item is read over the range, whatever changed.
    public var isBackfill = false
    /// The last day to read (inclusive), nil for up to today.
    public var endDate: String?
    /// Items per page where the vendor pages.
    public var pageSize: Int
    public var retry: RetryPolicy
    /// The length of the vendor's short rate-limit window.
    public var rateWindow: Duration
    /// The longest one request may take, connection to last byte (`request_timeout_seconds`).
    public var requestTimeout: Duration = Self.defaultRequestTimeout
    /// The longest the source's whole extraction may take, waits included (`run_timeout_minutes`);
    /// past it the source fails and the others go on.
    public var runTimeout: Duration = Self.defaultRunTimeout
    /// Days re-read on each run; WeConnect keeps checking a sent message for a reply this long.
    public var lookbackDays: Int
    /// Requests allowed per day for this credential; nil for none of our own.
    public var dailyLimit: Int?
    /// The largest answer accepted; a bigger one is an error (its first megabyte is kept raw).
    public var maxBodyBytes: Int = 64 << 20
    /// Requests allowed in a rolling window for this credential (We-Link: 30 in 3,600 s); nil for none.
    public var requestWindow: (limit: Int, seconds: TimeInterval)?
    /// The vendor accounts to read, where the vendor asks for one per request (We-Link's `accountId`).
    public var accountIDs: [String] = []
    /// How Linked API returns workflow results.
    public var resultHandling = LinkedAPIResultHandling.long
    /// Where the vendor delivers results in `hook` mode: the public URL of `etl webhook serve`.
    public var webhookURL: URL?
    /// The most invitations whose status one run checks (each check is a vendor request).
    public var statusChecksPerRun = 100
    /// An opaque name of the credential the source uses (a hash of its secret, never the secret),
    /// under which its daily allowance is kept.
    public var credential: String

    public init(name: String, kind: SourceKind, baseURL: URL, authHeaders: [String: String] = [:], secrets: [String] = [],
                startDate: String? = nil, endDate: String? = nil, pageSize: Int = 50, retry: RetryPolicy = RetryPolicy(),
                rateWindow: Duration = .seconds(60), lookbackDays: Int = 14,
                dailyLimit: Int? = nil) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.authHeaders = authHeaders
        self.secrets = secrets
        self.startDate = startDate
        self.endDate = endDate
        self.pageSize = pageSize
        self.retry = retry
        self.rateWindow = rateWindow
        self.lookbackDays = lookbackDays
        self.dailyLimit = dailyLimit
        self.credential = kind.rawValue + ":" + String(ContentHash.hex(Array((secrets.first ?? name).utf8)).prefix(16))
    }

    /// Two minutes: far beyond any honest answer, short enough that a trickling vendor cannot hold the night.
    public static let defaultRequestTimeout: Duration = .seconds(120)
    /// Two hours: a first Konnector pull of 5,000 calls at 100 a minute takes under one.
    public static let defaultRunTimeout: Duration = .seconds(7_200)
}
