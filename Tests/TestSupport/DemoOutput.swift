import Foundation

/// `etl demo --out out --quiet`, run once per test process as the built binary and shared by every test that only
/// needs its result: the demo takes a second of CPU, and half the suites that read one used to run their own.
/// A test that changes the output works on a copy (`copy(to:)`).
public enum DemoOutput {
    /// The folder the demo ran in (its reports in `out/`, its warehouse `out/warehouse.sqlite`) and what it printed.
    public struct Run: Sendable {
        public let folder: URL
        public let result: CommandRunner.Result

        public var out: URL { folder.appendingPathComponent("out") }
        public var warehouse: URL { out.appendingPathComponent("warehouse.sqlite") }
    }

    /// Why the shared demo did not run.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private static let run = Task { () throws -> Run in
        let folder = try TemporaryDirectory("demo").url
        let result = try await CommandRunner().run(["demo", "--out", "out", "--quiet"], in: folder)
        guard result.status == 0 else { throw Failure(description: "etl demo exited \(result.status): \(result.stderr)") }
        return Run(folder: folder, result: result)
    }

    /// The shared run; read it, never change it.
    public static func shared() async throws -> Run { try await run.value }

    /// A copy of the shared run's folder at `directory` (which must not exist yet): the demo's output to change.
    public static func copy(to directory: URL) async throws -> Run {
        let shared = try await shared()
        try FileManager.default.copyItem(at: shared.folder, to: directory)
        return Run(folder: directory, result: shared.result)
    }
}
