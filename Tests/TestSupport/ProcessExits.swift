import Foundation

/// The exit statuses of the processes tests launch, delivered by each process's termination handler, and the tasks
/// waiting for them: waiting for a child is an event, not a poll.
final class ProcessExits: @unchecked Sendable {
    static let shared = ProcessExits()

    private let lock = NSLock()
    private var statuses: [Int32: Int32] = [:]
    private var waiters: [Int32: [CheckedContinuation<Int32, Never>]] = [:]

    /// Records that `pid` exited with `status` and wakes whoever waits for it.
    func exited(_ pid: Int32, status: Int32) {
        let woken = lock.withLock { () -> [CheckedContinuation<Int32, Never>] in
            statuses[pid] = status
            return waiters.removeValue(forKey: pid) ?? []
        }
        for waiter in woken { waiter.resume(returning: status) }
    }

    /// The exit status of `pid`, once it has exited.
    func status(of pid: Int32) async -> Int32 {
        await withCheckedContinuation { continuation in
            let known = lock.withLock { () -> Int32? in
                if let status = statuses[pid] { return status }
                waiters[pid, default: []].append(continuation)
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
    }
}
