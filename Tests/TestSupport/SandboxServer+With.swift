import Sandbox

extension SandboxServer {
    /// Starts a sandbox with `configuration`, runs `body` with it and stops it afterwards, also when
    /// `body` throws. Stopping twice is harmless, so `body` may stop it early.
    @discardableResult
    public static func with<Result>(
        _ configuration: SandboxConfiguration,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (SandboxServer) async throws -> Result
    ) async throws -> Result {
        try await withFixture(make: {
            let server = SandboxServer(configuration: configuration)
            _ = try await server.start()
            return server
        }, close: { await $0.stop() }, body: body)
    }
}
