import Foundation
import Report

/// Turns the measured scales into `benchmarks/results.md` and the one-line-per-figure summary.
struct Results {
    var machine: Machine
    var scales: [ScaleResult]
    var skipped: [(Int, String)]
    var totalSeconds: Double

    /// The throughput target: fact rows per second of `transform --rebuild`.
    static let rowsPerSecondTarget = 300_000.0
    /// The baseline target: at most this many times slower than the plain C API.
    static let baselineFactorTarget = 2.0

    /// One `(scale, figure, value)` per measured figure, in a stable order.
    var figures: [(Int, String, String)] {
        var out: [(Int, String, String)] = []
        for result in scales {
            let s = result.sizes
            func add(_ name: String, _ value: String) { out.append((s.scale, name, value)) }
            add("senders", "\(s.senders)")
            add("campaigns", "\(s.campaigns)")
            add("days", "\(s.days)")
            add("weconnect_threads_read", "\(s.threads)")
            add("weconnect_messages_read", "\(s.messages)")
            add("raw_pages", "\(s.rawPages)")
            add("raw_mib", Self.mib(UInt64(s.rawBytes)))
            add("fact_rows", "\(s.factRows)")
            add("sandbox_generate_s", Self.seconds(result.generate.seconds))
            add("extract_s", Self.seconds(result.extract.seconds))
            add("extract_api_calls", "\(result.extractRequests)")
            add("extract_peak_rss_mib", Self.mib(result.extract.rssPeak))
            add("transform_rebuild_s", Self.seconds(result.transform.seconds))
            add("transform_fact_rows_per_s", Self.rate(result.transformRowsPerSecond))
            add("transform_peak_rss_mib", Self.mib(result.transform.rssPeak))
            add("baseline_c_api_s", Self.seconds(result.baselineSeconds))
            add("baseline_rows_per_s", Self.rate(result.baselineRowsPerSecond))
            add("transform_vs_baseline_ratio", String(format: "%.4f", result.ratio))
            add("report_model_load_s", Self.seconds(result.modelLoad.seconds))
            for (format, stage) in result.reports {
                add("report_\(format.rawValue)_s", Self.seconds(stage.seconds))
                add("report_\(format.rawValue)_peak_rss_mib", Self.mib(stage.rssPeak))
            }
            add("rerun_extract_s", Self.seconds(result.rerun.stage.seconds))
            add("rerun_api_calls", "\(result.rerun.sandboxRequests)")
            add("rerun_pages_landed", "\(result.rerun.pagesLanded)")
            add("rerun_extract_rows_written", "\(result.rerun.extractChanges)")
            add("rerun_transform_rows_written", "\(result.rerun.transformChanges)")
        }
        return out
    }

    /// The summary printed to stdout: one line per figure.
    var summaryLines: [String] {
        figures.map { "bench scale=\($0.0) \($0.1)=\($0.2)" }
    }

    var markdown: String {
        var md = "# Benchmark results\n\n"
        md += "Written by `make bench` (`etl-bench`, release build) on \(Self.timestamp()); the whole run took "
        md += "\(Self.seconds(totalSeconds)) s. See `README.md` beside this file for what each figure means.\n\n"
        md += "## Machine\n\n"
        md += "- CPU: \(machine.cpuModel), \(machine.cores) cores available\n"
        md += "- Memory: \(Self.mib(machine.memoryBytes)) MiB\n"
        md += "- OS: \(machine.os)\n"
        md += "- Toolchain: \(machine.swiftVersion)\n\n"
        md += targets()
        md += "## Figures per scale\n\n"
        md += "| figure | " + scales.map { "scale \($0.sizes.scale)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + scales.map { _ in "---:|" }.joined() + "\n"
        let names = figures.filter { $0.0 == scales.first?.sizes.scale }.map(\.1)
        for name in names {
            let values = scales.map { result in figures.first { $0.0 == result.sizes.scale && $0.1 == name }?.2 ?? "" }
            md += "| `\(name)` | " + values.joined(separator: " | ") + " |\n"
        }
        md += "\n## Fact rows by table\n\n"
        for result in scales {
            md += "- scale \(result.sizes.scale): "
            md += result.sizes.factRowsByTable.map { "`\($0.0)` \($0.1)" }.joined(separator: ", ") + "\n"
        }
        md += "\n## Memory at the start of each stage (RSS, MiB)\n\n"
        md += "Each peak above is that stage's own high-water mark (reset through `/proc/self/clear_refs`); "
        md += "it includes what the process held when the stage began, listed here (the in-process sandbox and "
        md += "its generated data are part of it).\n\n"
        for result in scales {
            let stages = [("extract", result.extract), ("transform", result.transform)]
                + result.reports.map { ("report \($0.0.rawValue)", $0.1) } + [("rerun", result.rerun.stage)]
            md += "- scale \(result.sizes.scale): " + stages.map { "\($0.0) \(Self.mib($0.1.rssStart))" }
                .joined(separator: ", ") + "\n"
        }
        md += "\n## Second run with no new data\n\n"
        for result in scales {
            let r = result.rerun
            md += "- scale \(result.sizes.scale): \(r.sandboxRequests) API calls (first run: \(result.extractRequests)), "
            md += "\(r.pagesLanded) raw pages landed, \(r.extractChanges) rows written by extract, "
            md += "then \(r.transformPages) pages loaded and \(r.transformChanges) rows written by the incremental transform. "
            md += "Row-count changes: " + (r.rowDeltas.isEmpty ? "none" : r.rowDeltas.map { "`\($0.0)` \($0.1 > 0 ? "+" : "")\($0.1)" }.joined(separator: ", ")) + ".\n"
        }
        if !skipped.isEmpty {
            md += "\n## Scales not run\n\n"
            for (scale, reason) in skipped { md += "- scale \(scale): \(reason)\n" }
        }
        return md
    }

    private func targets() -> String {
        guard let largest = scales.last else { return "## Targets\n\nNo scale was measured.\n\n" }
        let rate = largest.transformRowsPerSecond
        let factor = 1 / max(largest.ratio, 1e-9)
        var md = "## Targets (largest scale measured: \(largest.sizes.scale))\n\n"
        md += "| target | measured | met |\n|---|---:|---|\n"
        md += "| transform+load over \(Self.rate(Self.rowsPerSecondTarget)) fact rows/s | \(Self.rate(rate)) | "
        md += rate >= Self.rowsPerSecondTarget ? "yes |\n" : "**no**: \(String(format: "%.1f", Self.rowsPerSecondTarget / max(rate, 1)))x short |\n"
        md += "| within \(Int(Self.baselineFactorTarget))x of the C API baseline | \(String(format: "%.1f", factor))x slower | "
        md += factor <= Self.baselineFactorTarget ? "yes |\n" : "**no** |\n"
        let peaks = scales.map { result in
            ([result.extract, result.transform, result.rerun.stage] + result.reports.map(\.1)).map(\.rssPeak).max() ?? 0
        }
        md += "| memory flat as data grows (max stage peak per scale, MiB) | "
        md += peaks.map { Self.mib($0) }.joined(separator: " → ") + " | see below |\n"
        md += "| full target size: 500 senders, 5,000 campaigns x 365 days, 300,000 threads, 3,000,000 messages | "
        md += "\(largest.sizes.senders) senders, \(largest.sizes.campaigns) campaigns x \(largest.sizes.days) days, "
        md += "\(largest.sizes.threads) threads, \(largest.sizes.messages) messages read | "
        md += largest.sizes.senders >= 500 && largest.sizes.campaigns >= 5_000 && largest.sizes.threads >= 300_000 ? "yes |\n\n" : "**no** |\n\n"
        md += "Where a target is not met, the gap is explained, with the profile behind it and what would close it, "
        md += "in the Findings of `README.md` beside this file.\n\n"
        return md
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
    static func rate(_ value: Double) -> String { String(Int(value.rounded())) }
    static func mib(_ bytes: UInt64) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
    static func timestamp() -> String { Date().formatted(Date.ISO8601FormatStyle(timeZone: .gmt)) }
}
