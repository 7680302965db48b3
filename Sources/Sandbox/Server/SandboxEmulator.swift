import Foundation

/// One vendor emulator with a life of its own beside its HTTP routes: requests that finish later,
/// webhook deliveries. The server starts its clock, ticks it, and shuts it down.
protocol SandboxEmulator: Sendable {
    /// The HTTP side, mounted under its path prefix.
    var httpVendor: any SandboxVendor { get }
    /// The server is listening (the base URL is known from here on).
    func serverStarted(baseURL: URL) async
    /// Applies what became due since the last tick (finished requests, webhook deliveries).
    func tick() async
    /// Returns once the webhook calls queued so far have gone out.
    func deliveriesSettled() async
    /// The server is stopping.
    func shutdown() async
}
