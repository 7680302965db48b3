import Foundation

/// The time a component waits on: a monotonic reading for windows and deadlines, the wall time that moves with it
/// (for times vendors give as dates, and times stamped on data), and waits measured on it. Production runs on
/// `SystemTime`; a test gives a `ManualTime`, so what the product waits for is a reading it checks, not a sleep.
public protocol TimeSource: Sendable {
    /// Monotonic time since this source's origin.
    func now() -> Duration
    /// The wall time now.
    func date() -> Date
    /// Returns once `duration` of this source's time has passed (at once for a zero or negative one).
    func sleep(for duration: Duration) async throws
}

/// The machine's continuous clock, with `Task.sleep`.
public struct SystemTime: TimeSource {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Duration { ContinuousClock.now - origin }

    public func date() -> Date { Date() }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await Task.sleep(for: duration)
    }
}

/// Virtual time for tests: it moves only when advanced, and a wait advances it by the wait at once, so a test runs
/// as fast as the code and sees every wait the code asked for (`waits`).
public final class ManualTime: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration = .zero
    private var recorded: [Duration] = []
    private let start: Date

    /// Virtual time whose wall reading begins at `start` (the machine's time now by default).
    public init(startingAt start: Date = Date()) {
        self.start = start
    }

    public func now() -> Duration { lock.withLock { elapsed } }

    public func date() -> Date { start.addingTimeInterval(now().timeInterval) }

    public func sleep(for duration: Duration) async throws {
        lock.withLock {
            recorded.append(duration)
            if duration > .zero { elapsed += duration }
        }
    }

    /// Moves the time on by `duration`, as the world would between two calls.
    public func advance(by duration: Duration) {
        lock.withLock { elapsed += duration }
    }

    /// Every wait asked for so far, in order.
    public var waits: [Duration] { lock.withLock { recorded } }
}
