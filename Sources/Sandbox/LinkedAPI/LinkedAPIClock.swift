import Foundation

/// Where the Linked API emulator reads the time: seconds since 1970 with a fraction. Injectable so
/// the state can be driven by a fake clock; the server uses the system clock.
struct LinkedAPIClock: Sendable {
    let now: @Sendable () -> Double

    static let system = LinkedAPIClock { Date().timeIntervalSince1970 }
}
