import Chronology
import Report
import Sandbox

/// A fixture that runs the product in this process against its own sandbox, both on the sandbox's virtual time.
public protocol SandboxFixture {
    var server: SandboxServer { get }
}

extension SandboxFixture {
    /// The virtual time the sandbox and the pipeline's waits share.
    public var time: any TimeSource { server.configuration.clock.time }

    /// Lets `duration` of vendor time pass (see `SandboxServer.advanceTime(by:)`).
    public func advanceTime(by duration: Duration) async { await server.advanceTime(by: duration) }

    /// The formats a fixture's runs write: CSV alone, since these tests read the warehouse's views; the workbook and
    /// the HTML report have tests of their own.
    public static var reportFormats: [ReportFormat] { [.csv] }
}
