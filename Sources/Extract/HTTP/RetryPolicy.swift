/// How often and how patiently a transient failure (5xx, timeout, dropped connection) is retried.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The ceiling of the first backoff; each later ceiling doubles.
    public var baseDelay: Duration
    /// No backoff waits longer than this.
    public var maxDelay: Duration
    /// How many 429 answers one request may wait out before the source gives up.
    public var maxRateLimitWaits: Int

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
                maxRateLimitWaits: Int = 20) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRateLimitWaits = maxRateLimitWaits
    }

    /// "Full jitter" backoff: a uniform wait between zero and the attempt's exponential ceiling,
    /// so that many clients retrying at once spread out instead of hitting the server together.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let ceiling = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
        let milliseconds = max(1, Int(ceiling / .milliseconds(1)))
        return .milliseconds(Int.random(in: 0...milliseconds))
    }
}
