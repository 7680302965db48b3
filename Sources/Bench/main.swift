import Foundation
import Logging

/// `etl-bench [--scales 1,10,50,125] [--days 365] [--out benchmarks/results.md] [--budget SECONDS] [--work DIR]`
///
/// Runs the pipeline against the in-process sandbox at each scale (rate limits off), measures every
/// stage, writes the results file and prints one `bench scale=N figure=value` line per figure.
struct BenchOptions {
    var scales = [1, 10, 50, 125]
    var days = 365
    var output = URL(fileURLWithPath: "benchmarks/results.md")
    var budgetSeconds = 480.0
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("etl-bench-\(getpid())")

    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--scales": options.scales = value().split(separator: ",").compactMap { Int($0) }
            case "--days": options.days = Int(value()) ?? options.days
            case "--out": options.output = URL(fileURLWithPath: value())
            case "--budget": options.budgetSeconds = Double(value()) ?? options.budgetSeconds
            case "--work": options.work = URL(fileURLWithPath: value())
            case "-h", "--help":
                print("usage: etl-bench [--scales 1,10,50,125] [--days 365] [--out FILE] [--budget SECONDS] [--work DIR]")
                exit(0)
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
        if options.scales.isEmpty { fail("--scales needs at least one number") }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("etl-bench: \(message)\n".utf8))
        exit(2)
    }
}

let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
var logger = Logger(label: "etl-bench")
logger.logLevel = .warning
if !Memory.resetPeak() {
    FileHandle.standardError.write(Data("etl-bench: cannot reset the peak RSS; peaks are cumulative\n".utf8))
}
let clock = ContinuousClock()
let started = clock.now
func elapsedSeconds() -> Double {
    let elapsed = clock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

var results: [ScaleResult] = []
var skipped: [(Int, String)] = []
var previous: (scale: Int, seconds: Double)?
for scale in options.scales.sorted() {
    if let previous {
        // Cost grows about linearly with the scale; skip a scale that would overrun the budget.
        let estimate = previous.seconds * Double(scale) / Double(previous.scale)
        if elapsedSeconds() + estimate > options.budgetSeconds {
            skipped.append((scale, "estimated \(Int(estimate)) s from scale \(previous.scale), over the \(Int(options.budgetSeconds)) s budget"))
            continue
        }
    }
    let scaleStart = elapsedSeconds()
    FileHandle.standardError.write(Data("etl-bench: scale \(scale), \(options.days) days...\n".utf8))
    do {
        let run = ScaleRun(scale: scale, days: options.days, directory: options.work.appendingPathComponent("scale-\(scale)"),
                           logger: logger)
        results.append(try await run.run())
        previous = (scale, elapsedSeconds() - scaleStart)
    } catch {
        skipped.append((scale, "failed: \(error)"))
        FileHandle.standardError.write(Data("etl-bench: scale \(scale) failed: \(error)\n".utf8))
    }
}
try? FileManager.default.removeItem(at: options.work)

let report = Results(machine: Machine.current(), scales: results, skipped: skipped, totalSeconds: elapsedSeconds())
do {
    try FileManager.default.createDirectory(at: options.output.deletingLastPathComponent(), withIntermediateDirectories: true)
    try report.markdown.write(to: options.output, atomically: true, encoding: .utf8)
} catch {
    BenchOptions.fail("cannot write \(options.output.path): \(error)")
}
for line in report.summaryLines { print(line) }
print("results: \(options.output.path)")
exit(results.isEmpty ? 1 : 0)
