import Foundation

/// Everything of the We-Link emulator one sandbox server holds: the generated dataset, the live
/// state, the HTTP vendor, and the webhook sender that reports finished requests and replies.
final class WeLinkEmulator: SandboxEmulator {
    let dataset: WeLinkDataset
    let state: WeLinkState
    let vendor: WeLinkVendor
    /// The vendor's outgoing webhook calls: each body is exactly the request's `get_response` body
    /// at that moment (success or failure shape). Changes while no URL is registered are not sent
    /// later (assumption: a vendor posts to the webhook configured at the time).
    let webhooks: SandboxWebhookSender
    private let courier: SandboxCourier

    var httpVendor: any SandboxVendor { vendor }

    init(configuration: SandboxConfiguration, people: [SandboxPerson]) {
        let dataset = WeLinkGenerator(
            scale: configuration.scale, endDate: configuration.endDate, days: configuration.days,
            seed: configuration.weLinkSeed, people: people
        ).make()
        self.dataset = dataset
        state = WeLinkState(dataset: dataset, settings: WeLinkState.Settings(configuration: configuration),
                            clock: configuration.clock)
        vendor = WeLinkVendor(
            routes: WeLinkRoutes(state: state, accountIDs: Set(dataset.accounts.map(\.id))),
            apiKey: configuration.weLinkAPIKey, apiSecret: configuration.weLinkAPISecret)
        webhooks = SandboxWebhookSender(clock: configuration.clock)
        courier = SandboxCourier(webhooks: webhooks)
    }

    /// The server is listening: the dataset's recent requests start their clock, deliveries start.
    func serverStarted(baseURL: URL) async {
        await state.serverStarted()
        courier.start()
    }

    /// Applies due transitions and queues their bodies for delivery.
    func tick() async {
        courier.enqueue(await state.drainWebhooks().map { SandboxWebhookCall(url: nil, body: $0) })
    }

    func deliveriesSettled() async {
        await courier.settled()
    }

    /// Stops delivering (undelivered bodies are dropped).
    func shutdown() async {
        courier.stop()
    }
}
