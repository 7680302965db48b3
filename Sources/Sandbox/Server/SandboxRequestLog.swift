/// The server's log of every request it received, in arrival order of completion, with waiters for a count of
/// requests or for a request of some kind.
actor SandboxRequestLog {
    private var entries: [SandboxRequest] = []
    private var countWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private var matchWaiters: [(matches: @Sendable (SandboxRequest) -> Bool, continuation: CheckedContinuation<SandboxRequest, Never>)] = []

    func append(_ entry: SandboxRequest) {
        entries.append(entry)
        let count = entries.count
        let counted = countWaiters.filter { $0.count <= count }
        countWaiters.removeAll { $0.count <= count }
        for waiter in counted { waiter.continuation.resume() }
        let matched = matchWaiters.filter { $0.matches(entry) }
        matchWaiters.removeAll { $0.matches(entry) }
        for waiter in matched { waiter.continuation.resume(returning: entry) }
    }

    func all() -> [SandboxRequest] {
        entries
    }

    /// Returns once `count` requests in all have been logged.
    func wait(forCount count: Int) async {
        guard entries.count < count else { return }
        await withCheckedContinuation { countWaiters.append((count, $0)) }
    }

    /// The first request logged that `matches`, once there is one.
    func first(where matches: @escaping @Sendable (SandboxRequest) -> Bool) async -> SandboxRequest {
        if let entry = entries.first(where: matches) { return entry }
        return await withCheckedContinuation { matchWaiters.append((matches, $0)) }
    }
}
