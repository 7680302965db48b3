import Chronology
import Foundation
import Sandbox

extension SandboxConfiguration {
    /// This configuration on a virtual clock of its own (unchanged when it has one already). The fixtures that run
    /// the product in the test's process use it and hand the same time to the pipeline, so every wait of either side
    /// is virtual: a client's backoff moves the vendor's clock, and a test lets vendor time pass with
    /// `SandboxServer.advanceTime(by:)`. Tests that run the `etl` binary keep the machine's clock, which that process
    /// shares. Virtual time starts at 06:00 UTC on the day after the data's last day, the night run that would
    /// read it, so what a test expects of the data's ages does not move with the date it runs on.
    public var inVirtualTime: SandboxConfiguration {
        guard clock.manual == nil else { return self }
        var configuration = self
        configuration.clock = SandboxClock(time: ManualTime(startingAt: nightAfterTheData))
        return configuration
    }

    private var nightAfterTheData: Date {
        let lastDay = CivilDate(iso: endDate) ?? CivilDate(year: 2026, month: 11, day: 20)
        return Date(timeIntervalSince1970: TimeInterval(lastDay.adding(days: 1).dayNumber) * 86_400 + 6 * 3_600)
    }
}
