import Foundation
@testable import Pipeline
import Testing

/// Configuration files built to hurt: nesting deep enough to exhaust the stack, and tens of
/// thousands of sources.
@Suite struct HostileConfigurationTests {
    private let base = URL(fileURLWithPath: "/etc/outreach")

    private func sources(_ names: [String]) -> String {
        names.map { name in
            """
            [[sources]]
            name = "\(name)"
            kind = "konnector"
            base_url = "http://127.0.0.1:9"
            api_key_env = "KONNECTOR_API_KEY"

            """
        }.joined()
    }

    @Test(arguments: ["[", "{a="])
    func deepNestingIsAOneLineConfigurationError(open: String) {
        let text = "[warehouse]\npath = \"w.sqlite\"\nx = " + String(repeating: open, count: 100_000)
        #expect {
            try PipelineConfiguration.parse(text, file: "etl.toml", baseDirectory: base)
        } throws: { error in
            (error as? ConfigurationError)?.description == "etl.toml: line 3: arrays and tables nested deeper than 128 levels"
        }
    }

    @Test func twentyThousandSourcesAreAllRead() throws {
        let names = (1...20_000).map { "source-\($0)" }
        let configuration = try PipelineConfiguration.parse(sources(names), baseDirectory: base)
        #expect(configuration.sources.map(\.name) == names)
    }

    @Test func aDuplicateAfterTwentyThousandSourcesIsStillFound() {
        let names = (1...20_000).map { "source-\($0)" } + ["source-7"]
        #expect {
            try PipelineConfiguration.parse(sources(names), file: "etl.toml", baseDirectory: base)
        } throws: { error in
            (error as? ConfigurationError)?.description == "etl.toml: two sources are named \"source-7\"; names must be unique"
        }
    }
}
