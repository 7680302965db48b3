import Foundation
import Logging
import Warehouse

// `etl-bench`: the pipeline against the in-process sandbox at each scale (large accounts, rate
// limits off), every stage in a child process of its own, the results file and one
// `bench scale=N figure=value` line per figure on standard output.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == BenchOptions.stageFlag {
    guard arguments.count == 2 else { BenchOptions.fail("\(BenchOptions.stageFlag) needs the stage's file") }
    do {
        var output = try await StageCommand.run(specPath: arguments[1])
        output.peakRSS = ChildProcess.highWaterMark("/proc/self/status")
        print(String(decoding: try JSONEncoder().encode(output), as: UTF8.self))
        exit(0)
    } catch {
        BenchOptions.fail("stage \(arguments[1]): \(error)")
    }
}

let options = BenchOptions.parse(arguments)
var logger = Logger(label: "etl-bench")
logger.logLevel = .error
let clock = ContinuousClock()
let started = clock.now
func elapsedSeconds() -> Double { (clock.now - started).timeInterval }

var results: [ScaleResult] = []
var skipped: [(Int, String)] = []
var previous: (scale: Int, seconds: Double)?
for scale in options.scales.sorted() {
    if let previous {
        // The cost grows about linearly with the scale; a scale that would overrun the budget is skipped.
        let estimate = previous.seconds * Double(scale) / Double(previous.scale)
        if elapsedSeconds() + estimate > options.budgetSeconds {
            skipped.append((scale, "estimated \(Int(estimate)) s from scale \(previous.scale), past the \(Int(options.budgetSeconds)) s budget"))
            continue
        }
    }
    let scaleStart = elapsedSeconds()
    let inProcess = scale >= options.inProcessFrom
    FileHandle.standardError.write(Data("etl-bench: scale \(scale), \(options.days) days, WeConnect \(inProcess ? "in-process" : "over HTTP")...\n".utf8))
    do {
        let run = ScaleRun(scale: scale, days: options.days, directory: options.work.appendingPathComponent("scale-\(scale)"),
                           weConnectInProcess: inProcess, stageTimeout: .seconds(options.stageTimeout),
                           checkLanding: !inProcess && !results.contains { !$0.weConnectInProcess },
                           keepWork: options.keepWork, logger: logger)
        results.append(try await run.run())
        previous = (scale, elapsedSeconds() - scaleStart)
        FileHandle.standardError.write(Data("etl-bench: scale \(scale) took \(Int(elapsedSeconds() - scaleStart)) s\n".utf8))
    } catch {
        skipped.append((scale, "failed: \(error)"))
        FileHandle.standardError.write(Data("etl-bench: scale \(scale) failed: \(error)\n".utf8))
    }
}
if !options.keepWork { try? FileManager.default.removeItem(at: options.work) }

let report = Results(machine: Machine.current(), scales: results, skipped: skipped, totalSeconds: elapsedSeconds(),
                     buildSeconds: options.buildSeconds, inProcessFrom: options.inProcessFrom,
                     stageTimeout: options.stageTimeout)
do {
    try FileManager.default.createDirectory(at: options.output.deletingLastPathComponent(), withIntermediateDirectories: true)
    try report.markdown.write(to: options.output, atomically: true, encoding: .utf8)
} catch {
    BenchOptions.fail("cannot write \(options.output.path): \(error)")
}
for line in report.summaryLines { print(line) }
print("results: \(options.output.path)")
exit(results.isEmpty ? 1 : 0)
