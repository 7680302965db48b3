import Foundation

/// `etl-bench [--scales 1,5,25,125] [--days 365] [--out FILE] [--budget SECONDS] [--work DIR]
/// [--in-process-from 25] [--stage-timeout SECONDS] [--build-seconds SECONDS] [--keep-work]`
struct BenchOptions {
    /// The flag a child process is started with: `etl-bench --stage SPEC`.
    static let stageFlag = "--stage"
    static let usage = "usage: etl-bench [--scales 1,5,25,125] [--days 365] [--out FILE] [--budget SECONDS] [--work DIR] "
        + "[--in-process-from SCALE] [--stage-timeout SECONDS] [--build-seconds SECONDS] [--keep-work]"

    var scales = [1, 5, 25, 125]
    var days = 365
    var output = URL(fileURLWithPath: "benchmarks/results.md")
    /// Seconds of measuring: a scale whose estimate (the previous one's time, grown with the scale)
    /// would end past it is skipped and listed as such. By default what is left of `make bench`'s
    /// 15 minutes after the build (less a minute's margin), else 12 minutes.
    var budget: Double?
    var budgetSeconds: Double { budget ?? buildSeconds.map { max(60, 14 * 60 - $0) } ?? 12 * 60 }
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("etl-bench-\(getpid())")
    /// From this scale on WeConnect is landed in-process rather than over HTTP.
    var inProcessFrom = 25
    var stageTimeout = 120.0
    /// The release build's time, as `make bench` measured it, for the whole run's figure.
    var buildSeconds: Double?
    /// Leave `work` in place at the end: each scale's warehouse and stage files, to profile a stage again
    /// (`etl-bench --stage FILE` with a stage file from there).
    var keepWork = false

    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
            return arguments[index]
        }
        func number(_ text: String) -> Double {
            guard let number = Double(text), number >= 0 else { fail("\(arguments[index - 1]) needs a number, not \(text)") }
            return number
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--scales":
                let text = value()
                options.scales = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                if options.scales.isEmpty { fail("--scales needs whole numbers above 0, not \(text)") }
            case "--days": options.days = max(1, Int(number(value())))
            case "--out": options.output = URL(fileURLWithPath: value())
            case "--budget": options.budget = number(value())
            case "--work": options.work = URL(fileURLWithPath: value())
            case "--in-process-from": options.inProcessFrom = Int(number(value()))
            case "--stage-timeout": options.stageTimeout = max(1, number(value()))
            case "--build-seconds": options.buildSeconds = number(value())
            case "--keep-work": options.keepWork = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("etl-bench: \(message)\n".utf8))
        exit(2)
    }
}
