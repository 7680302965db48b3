import Foundation
import TestSupport
import Testing

/// A configuration nested deep enough to exhaust the stack makes `etl` exit 2 with one line, not crash.
@Suite struct HostileConfigurationCommandTests {
    @Test(arguments: ["[", "{a="])
    func deeplyNestedConfigurationExits2WithOneLine(open: String) async throws {
        let directory = try TemporaryDirectory("deep-config")
        defer { directory.remove() }
        try ("[warehouse]\npath = \"w.sqlite\"\nx = " + String(repeating: open, count: 100_000))
            .write(to: directory.file("deep.toml"), atomically: true, encoding: .utf8)
        let result = try await CommandRunner().run(["status", "--config", "deep.toml"], in: directory.url)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("deep.toml: line 3: arrays and tables nested deeper than 128 levels"), "\(result.stderr)")
    }
}
