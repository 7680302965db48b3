/// What the sandbox serves and how strict it is: the generated data, the API keys and the
/// Konnector rate limits (window lengths are configurable so tests can use one-second windows).
public struct SandboxConfiguration: Sendable {
    /// Generator inputs (see `KonnectorGenerator`).
    public var scale: Int
    public var endDate: String
    public var days: Int
    public var seed: UInt64
    /// The ordinary Konnector API key.
    public var apiKey: String
    /// The organisation administrator's key: the only one allowed to call `/create-api-key`
    /// (it also works for every other endpoint).
    public var adminKey: String
    /// Requests allowed per API key per minute window (documented: 100).
    public var perMinuteLimit: Int
    /// Requests allowed per API key per day window (documented: 5,000).
    public var perDayLimit: Int
    /// Length of the "minute" window.
    public var minuteWindow: Duration
    /// Length of the "day" window.
    public var dayWindow: Duration

    public init(
        scale: Int = 1,
        endDate: String = "2026-11-20",
        days: Int = 60,
        seed: UInt64 = 7,
        apiKey: String = "sandbox-konnector-key",
        adminKey: String = "sandbox-konnector-admin",
        perMinuteLimit: Int = 100,
        perDayLimit: Int = 5_000,
        minuteWindow: Duration = .seconds(60),
        dayWindow: Duration = .seconds(86_400)
    ) {
        self.scale = scale
        self.endDate = endDate
        self.days = days
        self.seed = seed
        self.apiKey = apiKey
        self.adminKey = adminKey
        self.perMinuteLimit = perMinuteLimit
        self.perDayLimit = perDayLimit
        self.minuteWindow = minuteWindow
        self.dayWindow = dayWindow
    }
}
