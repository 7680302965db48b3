import Chronology
import Sandbox

extension SandboxConfiguration {
    /// This configuration on a virtual clock of its own (unchanged when it has one already). The fixtures that run
    /// the product in the test's process use it and hand the same time to the pipeline, so every wait of either side
    /// is virtual: a client's backoff moves the vendor's clock, and a test lets vendor time pass with
    /// `SandboxServer.advanceTime(by:)`. Tests that run the `etl` binary keep the machine's clock, which that process
    /// shares.
    public var inVirtualTime: SandboxConfiguration {
        guard clock.manual == nil else { return self }
        var configuration = self
        configuration.clock = SandboxClock(time: ManualTime())
        return configuration
    }
}
