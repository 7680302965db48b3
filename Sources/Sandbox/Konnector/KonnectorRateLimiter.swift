import Chronology
/// Konnector's rate limits, per API key: a per-minute and a per-day request budget in fixed
/// windows that start at a key's first request and restart once they have elapsed. As the
/// document says, every request counts, whether it succeeds or fails (answers refused with 429
/// included). The windows are measured on the sandbox's clock, so a test passes a "day" by advancing it.
actor KonnectorRateLimiter {
    /// The outcome for one request, with what goes into the headers and the 429 body.
    struct Decision: Sendable {
        enum Limit: Sendable { case minute, day }

        /// Which limit refused the request; nil when it may proceed.
        let exceeded: Limit?
        let limitMinute: Int
        let remainingMinute: Int
        let limitDay: Int
        let remainingDay: Int
        /// Whole seconds until the minute window restarts (at least 1) for `.minute`, whole hours
        /// until the day window restarts (at least 1) for `.day`; 0 when allowed.
        let retryAfter: Int

        /// `X-RateLimit-*` headers, sent on every answer.
        var headers: [(name: String, value: String)] {
            [
                ("X-RateLimit-Limit-Minute", String(limitMinute)),
                ("X-RateLimit-Remaining-Minute", String(remainingMinute)),
                ("X-RateLimit-Limit-Day", String(limitDay)),
                ("X-RateLimit-Remaining-Day", String(remainingDay)),
            ]
        }
    }

    private struct Bucket {
        var minuteStart: Duration
        var minuteCount: Int
        var dayStart: Duration
        var dayCount: Int
    }

    private let perMinute: Int
    private let perDay: Int
    private let minuteWindow: Duration
    private let dayWindow: Duration
    private let clock: SandboxClock
    private var buckets: [String: Bucket] = [:]

    init(perMinute: Int, perDay: Int, minuteWindow: Duration, dayWindow: Duration, clock: SandboxClock) {
        self.clock = clock
        self.perMinute = max(0, perMinute)
        self.perDay = max(0, perDay)
        self.minuteWindow = minuteWindow
        self.dayWindow = dayWindow
    }

    /// Counts one request for `key` and says whether it may proceed.
    func consume(key: String) -> Decision {
        let now = clock.monotonic()
        var bucket = buckets[key] ?? Bucket(minuteStart: now, minuteCount: 0, dayStart: now, dayCount: 0)
        if now - bucket.minuteStart >= minuteWindow {
            bucket.minuteStart = now
            bucket.minuteCount = 0
        }
        if now - bucket.dayStart >= dayWindow {
            bucket.dayStart = now
            bucket.dayCount = 0
        }
        bucket.minuteCount += 1
        bucket.dayCount += 1
        buckets[key] = bucket

        var exceeded: Decision.Limit?
        var retryAfter = 0
        if bucket.dayCount > perDay {
            exceeded = .day
            let left = (dayWindow - (now - bucket.dayStart)).timeInterval
            retryAfter = max(1, Int((left / 3600).rounded(.up)))
        } else if bucket.minuteCount > perMinute {
            exceeded = .minute
            let left = (minuteWindow - (now - bucket.minuteStart)).timeInterval
            retryAfter = max(1, Int(left.rounded(.up)))
        }
        return Decision(
            exceeded: exceeded,
            limitMinute: perMinute, remainingMinute: max(0, perMinute - bucket.minuteCount),
            limitDay: perDay, remainingDay: max(0, perDay - bucket.dayCount),
            retryAfter: retryAfter
        )
    }
}
