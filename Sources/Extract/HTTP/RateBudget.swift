import Chronology
import Foundation

/// The request allowance of one credential: it paces requests so the vendor's per-window limit is
/// never hit, using the vendor's own `X-RateLimit-*` headers when it sends them.
public actor RateBudget {
    private let window: Duration
    private var limitPerWindow: Int?
    private var remainingInWindow: Int?
    private var remainingToday: Int?
    /// The vendor's last reported remaining count, to notice when its window restarts.
    private var lastReported: Int?
    /// Send times of our requests within the last window (for vendors that count a sliding window).
    private var recent: [Duration] = []
    /// The latest moment the vendor's current window can have opened: when we received the first
    /// answer of it (for vendors whose window opens at the first request, as Konnector's).
    private var windowOpenedBy: Duration?
    private let time: any TimeSource

    /// - Parameters:
    ///   - window: the length of the vendor's short window (a minute for Konnector).
    ///   - limitPerWindow: the allowance per window when known before the first response.
    ///   - time: what the window is measured and waited on.
    public init(window: Duration = .seconds(60), limitPerWindow: Int? = nil, time: any TimeSource = SystemTime()) {
        self.window = window
        self.limitPerWindow = limitPerWindow
        self.time = time
    }

    /// Requests left today as the vendor last reported them, if it did.
    public var reportedRemainingToday: Int? { remainingToday }

    /// How long `acquire()` would wait now, if at all.
    public func pauseBeforeNext() -> Duration? {
        let now = time.now()
        let live = recent.filter { now - $0 < window }
        let exhausted = remainingInWindow.map { $0 <= 0 } ?? false
        let full = limitPerWindow.map { live.count >= $0 } ?? false
        guard exhausted || full, let end = [live.first, windowOpenedBy].compactMap({ $0.map { $0 + window } }).max() else {
            return nil
        }
        return max(.zero, end - now) + window / 50
    }

    /// Waits until one more request fits in the window, then counts it.
    /// Returns how long it waited, so callers can report rate-limit waits.
    @discardableResult
    public func acquire() async throws -> Duration {
        var waited: Duration = .zero
        let now = time.now()
        recent.removeAll { now - $0 >= window }
        let exhausted = remainingInWindow.map { $0 <= 0 } ?? false
        let full = limitPerWindow.map { recent.count >= $0 } ?? false
        // Wait until both readings of the window agree it has passed, plus a small margin.
        if exhausted || full, let end = [recent.first, windowOpenedBy].compactMap({ $0.map { $0 + window } }).max() {
            waited = max(.zero, end - now) + window / 50
            try await time.sleep(for: waited)
            recent.removeAll { $0 + window <= end }
            remainingInWindow = nil
            windowOpenedBy = nil
            lastReported = nil
        }
        recent.append(time.now())
        if let remaining = remainingInWindow { remainingInWindow = remaining - 1 }
        return waited
    }

    /// Takes in what the vendor said about the allowance in the answer just received.
    public func observe(limit: Int?, remaining: Int?, remainingToday: Int?) {
        if let limit { limitPerWindow = limit }
        if let remaining {
            // A count that did not go down means a new window opened since the last answer.
            if windowOpenedBy == nil || remaining >= (lastReported ?? Int.max) {
                windowOpenedBy = time.now()
            }
            lastReported = remaining
            remainingInWindow = remaining
        }
        if let remainingToday { self.remainingToday = remainingToday }
    }

    /// Waits out a 429 without spending the window's other slots.
    public func pause(for duration: Duration) async throws {
        try await time.sleep(for: duration)
        remainingInWindow = nil
        windowOpenedBy = nil
        lastReported = nil
        recent.removeAll()
    }
}
