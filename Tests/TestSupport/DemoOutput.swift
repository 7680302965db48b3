import Foundation

/// `etl demo --out out --quiet`, run once per test process as the built binary, for every test that needs its
/// output: the demo takes a second of CPU, and half the suites that read one used to run their own. Each test
/// works on a copy of its own (`copy(to:)`), so none opens, and none writes, the folder the others copy.
public enum DemoOutput {
    /// A copy of the demo's folder (its reports in `out/`, its warehouse `out/warehouse.sqlite`) and what the demo printed.
    public struct Run: Sendable {
        public let folder: URL
        public let result: CommandRunner.Result
        /// The folder the demo ran in, which its output names (`folder` is a copy of it).
        public let ranIn: URL

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
        return Run(folder: folder, result: result, ranIn: folder)
    }

    /// A copy of the demo's folder at `directory` (which must not exist yet), with what the demo printed.
    public static func copy(to directory: URL) async throws -> Run {
        let shared = try await run.value
        try FileManager.default.copyItem(at: shared.folder, to: directory)
        return Run(folder: directory, result: shared.result, ranIn: shared.ranIn)
    }
}
