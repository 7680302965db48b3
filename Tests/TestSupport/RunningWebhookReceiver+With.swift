import Pipeline

extension RunningWebhookReceiver {
    /// Starts `receiver` on a free loopback port, runs `body` with it and stops it afterwards (waiting
    /// until it has shut down), also when `body` throws.
    @discardableResult
    public static func with<Result>(
        _ receiver: WebhookReceiver,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (RunningWebhookReceiver) async throws -> Result
    ) async throws -> Result {
        try await withFixture(make: { try await receiver.start() }, close: { try? await $0.stop() }, body: body)
    }
}
