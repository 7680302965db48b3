import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a warehouse for the length of a run, so a second `etl run` refuses with a
/// clear message instead of interleaving with the first. It is an `flock` on `<warehouse>.lock`:
/// the kernel drops it when the process ends, even by `kill -9`, so a crash never leaves it stale.
public final class WarehouseLock: @unchecked Sendable {
    /// Guards `descriptor`: `release()` may come from any thread, and `deinit` after it.
    private let guardian = NSLock()
    /// The open lock file, -1 once released.
    private var descriptor: Int32

    /// Takes the lock or throws at once, never waiting: `WarehouseLock.Busy` when another process
    /// holds it, `WarehouseLock.Unavailable` when the lock file cannot be opened or created.
    public init(warehouse: URL) throws {
        let path = warehouse.path + ".lock"
        try? FileManager.default.createDirectory(at: warehouse.deletingLastPathComponent(), withIntermediateDirectories: true)
        let file = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard file >= 0 else {
            throw Unavailable(path: path, cause: String(cString: strerror(errno)))
        }
        guard flock(file, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(file)
            throw Busy(path: path, holder: holder.flatMap { $0.isEmpty ? nil : $0 } ?? "another process")
        }
        let note = "pid \(getpid()), since \(Date().formatted(Date.ISO8601FormatStyle(timeZone: .gmt)))\n"
        _ = ftruncate(file, 0)
        _ = note.withCString { write(file, $0, strlen($0)) }
        descriptor = file
    }

    deinit { release() }

    /// Lets the lock go (also done when the object goes away or the process ends).
    public func release() {
        guardian.withLock {
            guard descriptor >= 0 else { return }
            _ = ftruncate(descriptor, 0)
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    /// Another run holds the warehouse.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let holder: String
        public var description: String {
            "another etl run is using this warehouse (\(holder); lock \(path)); try again when it has finished"
        }
    }

    /// The lock file cannot be opened or created (a read-only directory, a path that is not a file).
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public let path: String
        /// What the system said, e.g. `Permission denied`.
        public let cause: String
        public var description: String { "cannot create the run lock \(path): \(cause)" }
    }
}
