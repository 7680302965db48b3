import Foundation
import Logging

/// Every line a logger made, with its level, and a way to wait for one: how a test learns that work running in
/// another task (a listener, a receiver) has reached a point, without polling.
public final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(level: Logger.Level, text: String)] = []
    private var waiters: [(fragment: String, occurrence: Int, continuation: CheckedContinuation<String, Never>)] = []

    public init() {}

    /// A logger whose every line lands here.
    public func logger(label: String = "test") -> Logger {
        Logger(label: label) { _ in Handler(sink: self) }
    }

    /// Every line so far.
    public var all: [(level: Logger.Level, text: String)] { lock.withLock { lines } }

    /// The `occurrence`-th line (from 1) containing `fragment`, once it has been logged.
    @discardableResult
    public func line(containing fragment: String, occurrence: Int = 1) async -> String {
        await withCheckedContinuation { continuation in
            let found = lock.withLock { () -> String? in
                let matching = lines.filter { $0.text.contains(fragment) }
                if matching.count >= occurrence { return matching[occurrence - 1].text }
                waiters.append((fragment, occurrence, continuation))
                return nil
            }
            if let found { continuation.resume(returning: found) }
        }
    }

    fileprivate func append(_ level: Logger.Level, _ text: String) {
        let woken = lock.withLock { () -> [CheckedContinuation<String, Never>] in
            lines.append((level, text))
            let due = { (waiter: (fragment: String, occurrence: Int, continuation: CheckedContinuation<String, Never>)) in
                text.contains(waiter.fragment) && self.lines.count { $0.text.contains(waiter.fragment) } == waiter.occurrence
            }
            let ready = waiters.filter(due).map(\.continuation)
            waiters.removeAll(where: due)
            return ready
        }
        for waiter in woken { waiter.resume(returning: text) }
    }

    private struct Handler: LogHandler {
        let sink: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) { sink.append(event.level, event.message.description) }
    }
}
