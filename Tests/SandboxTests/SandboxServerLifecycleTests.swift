import Foundation
import Testing
import Sandbox

@Suite struct SandboxServerLifecycleTests {
    @Test func aBusyPortFailsToStartInsteadOfHanging() async throws {
        let first = SandboxServer(configuration: SandboxConfiguration())
        let url = try await first.start()
        let port = try #require(url.port)
        #expect(port > 0)
        #expect(first.konnectorBaseURL.absoluteString == url.absoluteString + SandboxServer.konnectorPathPrefix)

        let second = SandboxServer(configuration: SandboxConfiguration())
        await #expect(throws: SandboxError.self) {
            _ = try await second.start(port: port)
        }
        await #expect(throws: SandboxError.self) {
            _ = try await first.start()
        }
        await first.stop()
        await first.stop()

        // A stopped server can start again.
        let again = try await first.start()
        #expect(again.port != nil)
        await first.stop()
    }
}
