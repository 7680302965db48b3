/// What one stage cost at one scale: wall time and, for a stage run in a child process, its peak
/// resident memory.
struct StageFigure: Sendable {
    enum Kind: Sendable {
        /// A stage of the product, in a child process of its own: its peak counts for the memory target.
        case product
        /// A reference the product is compared to (sqlite3, libxlsxwriter, the C API).
        case baseline
        /// Run inside the harness beside the sandbox (WeConnect landed in-process): no peak of its own.
        case inProcess
    }

    /// The stage's name in the results, e.g. `transform --rebuild`.
    var name: String
    var kind: Kind
    /// From starting the child to its exit (process start included), or the in-process stage's time.
    var seconds: Double
    /// The stage's own time measured inside the child (process start and warehouse opening left out).
    var ownSeconds: Double?
    /// A transform's part of `ownSeconds` spent computing the stored reporting views, which the load rates leave out.
    var refreshSeconds = 0.0
    /// Peak resident size of the child, bytes; nil in-process.
    var peakRSS: UInt64?
    /// Killed at the stage timeout: `seconds` is then a lower bound.
    var timedOut = false
}
