import Extract
import Foundation
import Vendors

/// One `[[sources]]` entry of the configuration file.
public struct SourceConfiguration: Sendable, Equatable {
    /// Unique; shown in reports.
    public var name: String
    /// One of `SourceKind.configurable`.
    public var kind: SourceKind
    public var baseURL: URL
    /// Names of environment variables holding secrets; the file never holds a secret itself.
    public var apiKeyEnv: String?
    public var emailEnv: String?
    public var passwordEnv: String?
    /// How often `etl run --due` runs the source, as the file wrote it (the canonical spelling of
    /// `scheduleRule` for a source made in code).
    public var schedule: String
    /// `schedule`, parsed.
    public var scheduleRule: Schedule
    /// Days re-read on each run for late updates.
    public var lookbackDays: Int
    /// The first day a first run reads (`YYYY-MM-DD`); nil for all history the vendor offers.
    public var startDate: String?
    /// Items per page where the vendor pages.
    public var pageSize: Int
    /// The length of the vendor's short rate-limit window, in seconds (60 for Konnector).
    public var rateWindowSeconds: Double
    /// WeConnect's Pusher WebSocket; by default port 6001 of the API's host, as its document says.
    public var socketURL: URL
    /// Requests allowed per day and credential (Konnector's document: 5,000); nil for none.
    public var dailyLimit: Int?
    /// The environment variable of a second secret: We-Link's `x-api-secret`, Linked API's
    /// `identification-token`.
    public var apiSecretEnv: String?
    /// The vendor account the source reads (We-Link's `accountId`; Linked API's, shown as the sender).
    public var accountID: String?
    /// Requests allowed in any rolling hour (We-Link's document: 30 per account); nil for none.
    public var hourlyLimit: Int?
    /// How Linked API returns workflow results.
    public var resultHandling = LinkedAPIResultHandling.long
    /// The public URL the vendor delivers webhooks to (`etl webhook serve`), for `hook` mode.
    public var webhookURL: URL?
    /// The environment variable holding the secret the vendor's webhook deliveries must carry.
    public var webhookSecretEnv: String?
    /// This source's own weekly caps for each sender (`weekly_invitation_cap`, `weekly_message_cap`); nil keeps
    /// the `[reports]` ones.
    public var weeklyInvitationCap: Int?
    public var weeklyMessageCap: Int?
    /// The most invitation statuses one run checks (Linked API).
    public var statusChecksPerRun = 100
    /// The longest one request may take, connection to last byte (`request_timeout_seconds`).
    public var requestTimeout = SourceSettings.defaultRequestTimeout
    /// The longest the source's extraction may take in one run, waits included (`run_timeout_minutes`).
    public var runTimeout = SourceSettings.defaultRunTimeout

    /// - Parameter schedule: already parsed (`Schedule(parsing:)` says what is wrong with a bad one);
    ///   `schedule` is its canonical spelling until the caller sets the text as written.
    public init(name: String, kind: SourceKind, baseURL: URL, apiKeyEnv: String? = nil, emailEnv: String? = nil,
                passwordEnv: String? = nil, schedule: Schedule = .daily, lookbackDays: Int = 14, startDate: String? = nil,
                pageSize: Int? = nil, rateWindowSeconds: Double = 60, socketURL: URL? = nil, dailyLimit: Int? = nil) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.emailEnv = emailEnv
        self.passwordEnv = passwordEnv
        self.schedule = schedule.description
        self.scheduleRule = schedule
        self.lookbackDays = lookbackDays
        self.startDate = startDate
        self.pageSize = pageSize ?? kind.defaultPageSize ?? 50
        self.rateWindowSeconds = rateWindowSeconds
        self.socketURL = socketURL ?? Self.defaultSocketURL(for: baseURL)
        self.dailyLimit = dailyLimit ?? kind.documentedDailyLimit
        self.hourlyLimit = kind.documentedHourlyLimit
    }

    /// Each environment variable the source names, with the configuration key that names it
    /// (`api_key_env`, ...), in the order the keys are documented.
    public var secretVariables: [(key: String, variable: String)] {
        [("api_key_env", apiKeyEnv), ("email_env", emailEnv), ("password_env", passwordEnv),
         ("api_secret_env", apiSecretEnv), ("webhook_secret_env", webhookSecretEnv)]
            .compactMap { key, variable in variable.map { (key, $0) } }
    }

    /// `wss://<host>:6001/app/WC94900`, the document's socket for its API host.
    public static func defaultSocketURL(for baseURL: URL) -> URL {
        var components = URLComponents()
        components.scheme = baseURL.scheme == "http" ? "ws" : "wss"
        components.host = baseURL.host
        components.port = 6001
        components.path = "/app/WC94900"
        return components.url ?? baseURL
    }
}
