import Foundation

/// Catches SIGINT and SIGTERM from the moment it is made, so a signal that comes early is not lost,
/// and lets a task wait for the first of them.
final class SignalWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var received = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var sources: [any DispatchSourceSignal] = []

    init() {
        let queue = DispatchQueue(label: "signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    /// Returns once a signal has come (at once if one came already).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock { () -> Bool in
                if received { return true }
                waiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func fire() {
        let pending = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            received = true
            defer { waiters = [] }
            return waiters
        }
        pending.forEach { $0.resume() }
    }
}
