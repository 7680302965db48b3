import Foundation

/// A value computed on first use and kept, safe to ask for from several threads.
final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    /// The value, computed by `make` the first time.
    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let stored { return stored }
            let value = make()
            stored = value
            return value
        }
    }
}
