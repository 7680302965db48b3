import Foundation

/// Where the WeConnect emulator reads the time: seconds since 1970 with a fraction. Injectable so the
/// state can be driven by a fake clock; the server uses the system clock.
struct WeConnectClock: Sendable {
    let now: @Sendable () -> Double

    static let system = WeConnectClock { Date().timeIntervalSince1970 }
}
