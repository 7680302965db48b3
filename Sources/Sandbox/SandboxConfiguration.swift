/// What the sandbox serves and how strict it is: the generated data, the API keys, the Konnector rate
/// limits, the WeConnect emulator's token lifetime, action timing and Pusher app credentials, the other
/// vendors' timings, and the clock all of them keep time on.
public struct SandboxConfiguration: Sendable {
    /// Generator inputs (see `KonnectorGenerator`).
    public var scale: Int
    public var endDate: String
    public var days: Int
    public var seed: UInt64
    /// How much each scale block holds (every vendor's generator): `.standard` unless the bench
    /// asks for its large accounts.
    public var growth: SandboxGrowth = .standard
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
    /// WeConnect generator scale (see `WeConnectGenerator`); defaults to `scale`.
    public var weConnectScale: Int
    /// WeConnect generator seed (also seeds request ids, socket ids and the token secret).
    public var weConnectSeed: UInt64
    /// How long a WeConnect login token is valid.
    public var weConnectTokenLifetime: Duration
    /// How long a submitted WeConnect action stays `Pending` before it is final.
    public var weConnectActionDelay: Duration
    /// How long after a message action is final until its reply arrives (for those that get one).
    public var weConnectReplyDelay: Duration
    /// The Pusher app key (the socket path `/weconnect/app/<key>`; the document's is `WC94900`).
    public var weConnectAppKey: String
    /// The Pusher app secret private-channel signatures are made with.
    public var weConnectAppSecret: String
    /// The clock every emulator keeps time on: the machine's, or a test's `ManualTime`, which the server then
    /// advances only when told (`SandboxServer.advanceTime(by:)`) or waited on.
    public var clock: SandboxClock = .system
    /// We-Link generator seed.
    public var weLinkSeed: UInt64 = 13
    /// We-Link's `x-api-key` and `x-api-secret`.
    public var weLinkAPIKey = "sandbox-welink-key"
    public var weLinkAPISecret = "sandbox-welink-secret"
    /// Requests allowed per account in a rolling window (documented: 30 per 60 minutes).
    public var weLinkRequestsPerWindow = 30
    public var weLinkWindow: Duration = .seconds(3_600)
    /// How long an asynchronous We-Link request takes to finish.
    public var weLinkProcessingDelay: Duration = .seconds(1)
    /// How long after a message is sent until its reply arrives (for those that get one).
    public var weLinkReplyDelay: Duration = .seconds(3)
    /// Linked API generator seed.
    public var linkedAPISeed: UInt64 = 17
    /// Linked API's `linked-api-token` and `identification-token`.
    public var linkedAPIToken = "sandbox-linkedapi-token"
    public var linkedAPIIdentificationToken = "sandbox-linkedapi-identification"
    /// How long a Linked API workflow runs.
    public var linkedAPIWorkflowDelay: Duration = .milliseconds(300)
    /// How long after the server starts until the invitations set to be accepted "live" are accepted.
    public var linkedAPIAcceptanceDelay: Duration = .seconds(2)

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
        dayWindow: Duration = .seconds(86_400),
        weConnectScale: Int? = nil,
        weConnectSeed: UInt64 = 11,
        weConnectTokenLifetime: Duration = .seconds(3_600),
        weConnectActionDelay: Duration = .seconds(2),
        weConnectReplyDelay: Duration = .seconds(4),
        weConnectAppKey: String = "WC94900",
        weConnectAppSecret: String = "sandbox-pusher-secret"
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
        self.weConnectScale = weConnectScale ?? scale
        self.weConnectSeed = weConnectSeed
        self.weConnectTokenLifetime = weConnectTokenLifetime
        self.weConnectActionDelay = weConnectActionDelay
        self.weConnectReplyDelay = weConnectReplyDelay
        self.weConnectAppKey = weConnectAppKey
        self.weConnectAppSecret = weConnectAppSecret
    }
}
