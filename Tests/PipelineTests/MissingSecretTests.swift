import Foundation
import Pipeline
import TestSupport
import Testing
import Warehouse

/// A secret variable that is not set is a configuration error found before any source runs.
@Suite struct MissingSecretTests {
    private func source(_ name: String, key: String) throws -> SourceConfiguration {
        SourceConfiguration(name: name, kind: .konnector, baseURL: try #require(URL(string: "http://127.0.0.1:9")), apiKeyEnv: key)
    }

    @Test(arguments: [["SET_KEY": "k-1"], ["SET_KEY": "k-1", "UNSET_KEY": ""]])
    func aMissingOrEmptyVariableNamesTheSourceTheKeyAndTheVariable(environment: [String: String]) async throws {
        let directory = try TemporaryDirectory("secrets")
        defer { directory.remove() }
        let sources = [try source("first", key: "SET_KEY"), try source("second", key: "UNSET_KEY")]
        let runner = PipelineRunner(configuration: PipelineConfiguration(warehouse: directory.file("warehouse.sqlite"),
                                                                         reportsDirectory: directory.file("reports"), sources: sources),
                                    environment: environment)
        let error = await #expect(throws: ConfigurationError.self) { try await runner.run() }
        #expect(error?.description == "source \"second\": the environment variable UNSET_KEY (api_key_env) is not set")
        #expect(!FileManager.default.fileExists(atPath: directory.file("warehouse.sqlite").path), "nothing ran, nothing was opened")
        #expect(throws: Never.self) { try runner.requireSecrets(of: [sources[0]]) }
    }
}
