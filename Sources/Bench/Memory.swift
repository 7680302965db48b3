import Foundation

/// Resident memory of this process, read from `/proc/self/status` (Linux).
///
/// Per-stage peaks use `/proc/self/clear_refs`: writing `5` to it resets the peak (`VmHWM`) to the
/// current resident size, so the peak read after a stage is that stage's own high-water mark. Every
/// stage runs in this one process, so each peak includes what the process already held when the
/// stage began (the in-process sandbox and its generated data among it); `VmRSS` at the start is
/// reported beside it so the growth a stage causes is visible.
enum Memory {
    /// Resets the peak to the current RSS; false when the kernel refused (then peaks are cumulative).
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// The peak resident size since the last reset, in bytes.
    static func peak() -> UInt64 { field("VmHWM") }

    /// The current resident size, in bytes.
    static func current() -> UInt64 { field("VmRSS") }

    private static func field(_ name: String) -> UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return (UInt64(digits) ?? 0) * 1024
        }
        return 0
    }
}

/// What one stage cost: its wall time and its memory.
struct StageMeasure: Sendable {
    var seconds: Double
    /// Resident size when the stage began, bytes.
    var rssStart: UInt64
    /// Peak resident size during the stage, bytes.
    var rssPeak: UInt64
}

/// Times `body` and records its peak memory.
func measure<T>(_ body: () async throws -> T) async rethrows -> (T, StageMeasure) {
    Memory.resetPeak()
    let rssStart = Memory.current()
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (value, StageMeasure(seconds: seconds, rssStart: rssStart, rssPeak: Memory.peak()))
}
