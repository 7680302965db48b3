import Chronology
import Foundation

/// The one clock of a sandbox server: every emulator's state machine, rate window, token expiry, long poll, webhook
/// retry and response pause reads or waits on it. On `SystemTime` it is the machine's; on a `ManualTime` it moves
/// only when a test advances it (or something waits on it), so tests drive the vendors without sleeping.
public struct SandboxClock: Sendable {
    /// What the clock counts and waits on.
    public let time: any TimeSource

    public init(time: any TimeSource) {
        self.time = time
    }

    /// The machine's clock.
    public static var system: SandboxClock { SandboxClock(time: SystemTime()) }

    /// Seconds since 1970, with a fraction.
    public func epochSeconds() -> Double { time.date().timeIntervalSince1970 }

    /// Whole seconds since 1970.
    func wholeEpochSeconds() -> Int64 { Int64(epochSeconds().rounded(.down)) }

    /// The time now at `offsetMinutes` east of UTC, whole seconds, as Konnector's answers show it.
    func isoTimestamp(offsetMinutes: Int = ISOTimestamp.indiaOffsetMinutes) -> String {
        ISOTimestamp.format(epochSeconds: wholeEpochSeconds(), offsetMinutes: offsetMinutes)
    }

    /// The wall time now.
    func date() -> Date { time.date() }

    /// Monotonic time since the origin, for windows.
    func monotonic() -> Duration { time.now() }

    /// Waits `duration` of this clock's time (cancellation ends the wait early, silently).
    func sleep(for duration: Duration) async {
        try? await time.sleep(for: duration)
    }

    /// The virtual clock when time moves only by advancing it; nil on the machine's clock.
    public var manual: ManualTime? { time as? ManualTime }
}
