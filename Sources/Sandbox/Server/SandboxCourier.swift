import Foundation

/// Sends an emulator's webhook calls one after another in the background, in the order they were owed, so neither a
/// tick nor an HTTP answer waits for a receiver (the sender retries with pauses). `settled()` returns once every call
/// queued so far has gone out, which is how a test on a virtual clock knows what the vendor has sent.
final class SandboxCourier: Sendable {
    private struct State {
        var queue: AsyncStream<SandboxWebhookCall>.Continuation?
        var task: Task<Void, Never>?
        /// Counts each start anew, so a call of a stopped run does not count in the next.
        var generation = 0
        var queued = 0
        var finished = 0
        /// Waiters of `settled()`, each with the count of calls it waits for.
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let webhooks: SandboxWebhookSender
    private let state = LockedBox(State())

    init(webhooks: SandboxWebhookSender) {
        self.webhooks = webhooks
    }

    /// Starts sending (nothing when it runs already).
    func start() {
        state.withLock { state in
            guard state.queue == nil else { return }
            let (stream, queue) = AsyncStream<SandboxWebhookCall>.makeStream()
            let webhooks = webhooks
            state.generation += 1
            state.queued = 0
            state.finished = 0
            state.queue = queue
            let generation = state.generation
            state.task = Task { [weak self] in
                for await call in stream {
                    await webhooks.deliver(call.body.encoded(), to: call.url)
                    self?.finishedOne(of: generation)
                }
            }
        }
    }

    /// Queues `calls` (dropped while stopped).
    func enqueue(_ calls: [SandboxWebhookCall]) {
        guard !calls.isEmpty else { return }
        state.withLock { state in
            guard let queue = state.queue else { return }
            for call in calls {
                state.queued += 1
                queue.yield(call)
            }
        }
    }

    /// Returns once every call queued before this moment has gone out (at once when stopped).
    func settled() async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                guard state.queue != nil, state.finished < state.queued else { return true }
                state.waiters.append((state.queued, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Stops sending: calls not yet out are dropped (the vendor is gone), and every waiter returns.
    func stop() {
        let (task, waiters) = state.withLock { state in
            defer {
                state.queue = nil
                state.task = nil
                state.waiters = []
            }
            state.queue?.finish()
            return (state.task, state.waiters)
        }
        task?.cancel()
        for waiter in waiters { waiter.continuation.resume() }
    }

    private func finishedOne(of generation: Int) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.generation == generation else { return [] }
            state.finished += 1
            let finished = state.finished
            let ready = state.waiters.filter { $0.count <= finished }.map(\.continuation)
            state.waiters.removeAll { $0.count <= finished }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }
}
