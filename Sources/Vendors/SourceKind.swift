/// The vendors a source can be, as the configuration's `kind` and the warehouse's `dim_source.kind` spell them,
/// with what each vendor's documents say about it: how it authenticates, its allowances, how its data arrives.
///
/// Every question whose answer depends on the vendor is a property here, answered by an exhaustive `switch`, so a
/// new vendor is one new case the compiler walks through every such question with.
public enum SourceKind: String, CaseIterable, Codable, Sendable {
    case konnector
    case weconnect
    case welink
    case linkedapi
    /// LinkedIn's own data export from its mobile app, brought in by `etl import`, never fetched.
    case linkedInMobile = "linkedin-mobile"

    /// The kinds a `[[sources]]` entry can name: those read over their vendor's API.
    public static let configurable = allCases.filter(\.isFetched)

    /// Whether the pipeline reads the vendor's API (rather than files delivered to it).
    public var isFetched: Bool {
        switch self {
        case .konnector, .weconnect, .welink, .linkedapi: true
        case .linkedInMobile: false
        }
    }

    /// Whether the source needs `api_key_env`: the vendor authenticates every request by a key.
    public var needsAPIKey: Bool {
        switch self {
        case .konnector, .welink, .linkedapi: true
        case .weconnect, .linkedInMobile: false
        }
    }

    /// Whether the source needs `email_env` and `password_env`: the vendor authenticates by logging in.
    public var logsIn: Bool {
        switch self {
        case .weconnect: true
        case .konnector, .welink, .linkedapi, .linkedInMobile: false
        }
    }

    /// The headers that carry the key on every request; empty for a vendor that logs in instead.
    public func authHeaders(apiKey: String, apiSecret: String?) -> [String: String] {
        switch self {
        case .konnector: KonnectorAPI.authHeaders(apiKey: apiKey)
        case .welink: WeLinkAPI.authHeaders(apiKey: apiKey, apiSecret: apiSecret)
        case .linkedapi: LinkedAPIAPI.authHeaders(apiToken: apiKey, identificationToken: apiSecret)
        case .weconnect, .linkedInMobile: [:]
        }
    }

    /// Whether the vendor delivers results to a webhook (`etl webhook serve`).
    public var deliversToWebhooks: Bool {
        switch self {
        case .welink, .linkedapi: true
        case .konnector, .weconnect, .linkedInMobile: false
        }
    }

    /// Whether requests sent outside the pipeline can be followed by their id (`etl track`).
    public var followsRequests: Bool {
        switch self {
        case .weconnect, .welink, .linkedapi: true
        case .konnector, .linkedInMobile: false
        }
    }

    /// Requests a credential may make per day, as the vendor's document states it; nil where it states none.
    public var documentedDailyLimit: Int? {
        switch self {
        case .konnector: 5_000
        case .weconnect, .welink, .linkedapi, .linkedInMobile: nil
        }
    }

    /// Requests an account may make in any rolling hour, as the vendor's document states it.
    public var documentedHourlyLimit: Int? {
        switch self {
        case .welink: 30
        case .konnector, .weconnect, .linkedapi, .linkedInMobile: nil
        }
    }

    /// The page size asked for when the configuration sets none; nil where the vendor's default is kept.
    public var defaultPageSize: Int? {
        switch self {
        case .konnector: KonnectorAPI.campaignInfoPageLimit
        case .weconnect, .welink, .linkedapi, .linkedInMobile: nil
        }
    }
}
