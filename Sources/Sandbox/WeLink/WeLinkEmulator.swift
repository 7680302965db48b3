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
    let webhooks = SandboxWebhookSender()

    var httpVendor: any SandboxVendor { vendor }

    /// Delivers queued bodies one after another, so a slow or failing receiver (the sender retries)
    /// delays later deliveries, never the ticker or an HTTP answer.
    private struct Courier {
        let queue: AsyncStream<Data>.Continuation
        let task: Task<Void, Never>
    }

    private let courier = LockedBox<Courier?>(nil)

    init(configuration: SandboxConfiguration, people: [SandboxPerson]) {
        let dataset = WeLinkGenerator(
            scale: configuration.scale, endDate: configuration.endDate, days: configuration.days,
            seed: configuration.weLinkSeed, people: people
        ).make()
        self.dataset = dataset
        state = WeLinkState(dataset: dataset, settings: WeLinkState.Settings(configuration: configuration))
        vendor = WeLinkVendor(
            routes: WeLinkRoutes(state: state, accountIDs: Set(dataset.accounts.map(\.id))),
            apiKey: configuration.weLinkAPIKey, apiSecret: configuration.weLinkAPISecret)
    }

    /// The server is listening: the dataset's recent requests start their clock, deliveries start.
    func serverStarted(baseURL: URL) async {
        await state.serverStarted()
        let webhooks = webhooks
        courier.withLock { courier in
            guard courier == nil else { return }
            let (stream, queue) = AsyncStream<Data>.makeStream()
            let task = Task {
                for await body in stream {
                    await webhooks.deliver(body)
                }
            }
            courier = Courier(queue: queue, task: task)
        }
    }

    /// Applies due transitions and queues their bodies for delivery.
    func tick() async {
        let bodies = await state.drainWebhooks()
        guard !bodies.isEmpty else { return }
        courier.withLock { courier in
            for body in bodies { courier?.queue.yield(body.encoded()) }
        }
    }

    /// Stops delivering (undelivered bodies are dropped).
    func shutdown() async {
        let stopped = courier.withLock { courier -> Courier? in
            defer { courier = nil }
            return courier
        }
        stopped?.queue.finish()
        stopped?.task.cancel()
    }
}
