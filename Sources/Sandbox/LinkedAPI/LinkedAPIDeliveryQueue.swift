/// Sends the emulator's webhook calls one after another in the background, in the order they were
/// owed, so neither the ticker nor any HTTP answer waits for a receiver (deliveries retry with
/// pauses). Stopping lets the calls already queued go out.
final class LinkedAPIDeliveryQueue: Sendable {
    /// The sender task and the way into it, while running.
    private struct Running {
        let continuation: AsyncStream<LinkedAPIDelivery>.Continuation
        let task: Task<Void, Never>
    }

    private let webhooks: SandboxWebhookSender
    private let running = LockedBox<Running?>(nil)

    init(webhooks: SandboxWebhookSender) {
        self.webhooks = webhooks
    }

    /// Starts the sender (nothing when it runs already).
    func start() {
        running.withLock { running in
            guard running == nil else { return }
            let (stream, continuation) = AsyncStream<LinkedAPIDelivery>.makeStream()
            let webhooks = webhooks
            let task = Task {
                for await delivery in stream {
                    await webhooks.deliver(delivery.body.encoded(), to: delivery.url)
                }
            }
            running = Running(continuation: continuation, task: task)
        }
    }

    /// Queues `deliveries` (dropped when the queue is not running).
    func enqueue(_ deliveries: [LinkedAPIDelivery]) {
        guard !deliveries.isEmpty, let continuation = running.withLock({ $0?.continuation }) else { return }
        for delivery in deliveries { continuation.yield(delivery) }
    }

    /// Takes no more calls; those queued still go out.
    func stop() {
        running.withLock { running in
            running?.continuation.finish()
            running = nil
        }
    }
}
