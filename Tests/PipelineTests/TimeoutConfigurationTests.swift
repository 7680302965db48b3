import Foundation
@testable import Pipeline
import Testing

/// `request_timeout_seconds` and `run_timeout_minutes`: the two deadlines that keep a trickling or
/// silent vendor from holding the night.
@Suite struct TimeoutConfigurationTests {
    private let base = URL(fileURLWithPath: "/etc/outreach")

    private func source(_ extra: String) -> String {
        """
        [[sources]]
        name = "acme"
        kind = "konnector"
        base_url = "http://127.0.0.1:9"
        api_key_env = "KONNECTOR_API_KEY"
        \(extra)
        """
    }

    @Test func theDefaultsAreTwoMinutesARequestAndTwoHoursARun() throws {
        let source = try #require(try PipelineConfiguration.parse(source(""), baseDirectory: base).sources.first)
        #expect(source.requestTimeout == .seconds(120))
        #expect(source.runTimeout == .seconds(7_200))
    }

    @Test func bothAreRead() throws {
        let text = source("request_timeout_seconds = 30\nrun_timeout_minutes = 45")
        let source = try #require(try PipelineConfiguration.parse(text, baseDirectory: base).sources.first)
        #expect(source.requestTimeout == .seconds(30))
        #expect(source.runTimeout == .seconds(45 * 60))
        let settings = try PipelineRunner(configuration: PipelineConfiguration.parse(text, baseDirectory: base),
                                          environment: ["KONNECTOR_API_KEY": "a-long-enough-key"]).settings(for: source).0
        #expect(settings.requestTimeout == .seconds(30) && settings.runTimeout == .seconds(45 * 60))
    }

    @Test(arguments: ["request_timeout_seconds = 0", "request_timeout_seconds = \"2m\"", "run_timeout_minutes = -5"])
    func anUnusableValueIsAConfigurationError(line: String) {
        #expect {
            try PipelineConfiguration.parse(source(line), file: "etl.toml", baseDirectory: base)
        } throws: { error in
            let text = (error as? ConfigurationError)?.description ?? ""
            return text.hasPrefix("etl.toml: source \"acme\" ") && text.contains("must be a whole number from 1 to")
        }
    }
}
