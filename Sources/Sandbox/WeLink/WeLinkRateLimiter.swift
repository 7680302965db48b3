/// The documented limit: at most `limit` counted requests per account in a rolling window of
/// `window` seconds. A refused request is not counted.
struct WeLinkRateLimiter: Sendable {
    let limit: Int
    let window: Double
    /// Times of the counted requests still inside the window, per account, oldest first.
    private var used: [String: [Double]] = [:]

    init(limit: Int, window: Double) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request of `account` at `now` and returns nil, or, when the account is at its limit,
    /// counts nothing and returns the whole seconds (at least 1) until its oldest counted request
    /// leaves the window.
    mutating func admit(_ account: String, now: Double) -> Int? {
        var times = used[account, default: []]
        times.removeAll { $0 + window <= now }
        defer { used[account] = times }
        if times.count >= max(0, limit) {
            let oldest = times.first ?? now
            return max(1, Int((oldest + window - now).rounded(.up)))
        }
        times.append(now)
        return nil
    }
}
