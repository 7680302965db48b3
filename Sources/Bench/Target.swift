import Extract
import Vendors

/// One target of the benchmark issue, judged at the largest scale measured.
struct Target {
    var name: String
    var measured: String
    /// Nil when it could not be measured at that scale.
    var met: Bool?
    /// What is missing, when it is not met.
    var gap: String = ""

    /// The decimal units the targets are written in.
    static let megabyte = 1_000_000.0
    static let indexHTMLLimit = 2 * megabyte
    static let htmlFileLimit = 5 * megabyte
    static let peakRSSLimit = 200 * megabyte
    static let konnectorRowsPerSecond = 300_000.0
    static let baselineFactor = 2.0
    static let weConnectMessagesPerSecond = 150_000.0
    static let csvFactor = 2.0
    static let xlsxFactor = 1.3
    static let publishFactor = 1.5
    static let firstPullCalls = 5_000
    /// A stage's time may grow this much more than the data before it counts as growing faster.
    static let growthTolerance = 1.3
    static let makeBenchSeconds = 15 * 60.0
    /// Konnector's listing endpoints: all a nightly run with nothing new may call.
    static let konnectorListing: Set<String> = [KonnectorAPI.userCampaignFilters.path, KonnectorAPI.campaignInfo.path]

    /// Every target, in the issue's order.
    static func judge(_ scales: [ScaleResult], totalSeconds: Double, buildSeconds: Double?) -> [Target] {
        guard let largest = scales.last else { return [] }
        let sizes = largest.sizes
        var targets: [Target] = []
        func add(_ name: String, _ measured: String, _ met: Bool?, gap: @autoclosure () -> String = "") {
            targets.append(Target(name: name, measured: measured, met: met, gap: met == false ? gap() : ""))
        }
        func ratio(_ value: Double, _ limit: Double) -> String { String(format: "%.1fx", value / max(limit, 1e-9)) }

        let full = sizes.senders >= 500 && sizes.campaigns >= 5_000 && sizes.days >= 365 && sizes.threads >= 300_000
            && sizes.messages >= 3_000_000 && sizes.prospects >= 100_000
        add("the full size: 500 senders, 5,000 campaigns x 365 days, 300,000 threads, 3,000,000 messages, 100,000 prospects",
            "\(sizes.senders) senders, \(sizes.campaigns) campaigns x \(sizes.days) days, \(sizes.threads) threads, "
                + "\(sizes.messages) messages, \(sizes.prospects) prospects", full, gap: "a smaller scale was the largest run")

        if largest.stage(StageName.report("html")) != nil {
            add("`index.html` under 2 MB", Results.megabytes(largest.indexHTMLBytes), Double(largest.indexHTMLBytes) < indexHTMLLimit,
                gap: ratio(Double(largest.indexHTMLBytes), indexHTMLLimit) + " the limit")
            add("no HTML file over 5 MB", "\(largest.largestHTML.path) \(Results.megabytes(largest.largestHTML.bytes))",
                Double(largest.largestHTML.bytes) <= htmlFileLimit, gap: ratio(Double(largest.largestHTML.bytes), htmlFileLimit) + " the limit")
        } else {
            add("`index.html` under 2 MB", "not measured", nil)
            add("no HTML file over 5 MB", "not measured", nil)
        }

        let measured = largest.stages.filter { $0.kind == .product && $0.peakRSS != nil }
        if let worst = measured.max(by: { ($0.peakRSS ?? 0) < ($1.peakRSS ?? 0) }), let peak = worst.peakRSS {
            let over = measured.filter { Double($0.peakRSS ?? 0) >= peakRSSLimit }
            add("every stage under 200 MB peak RSS (each in its own process)",
                "largest: \(worst.name) \(Results.megabytes(Int(peak)))" + (largest.weConnectInProcess ? "; WeConnect's landing in-process is not a stage of its own" : ""),
                over.isEmpty, gap: "\(over.count) stages over: " + over.map { "\($0.name) \(Results.megabytes(Int($0.peakRSS ?? 0)))" }.joined(separator: ", "))
        }

        if let rate = largest.konnectorRowsPerSecond {
            add("Konnector daily rows at least 300,000 rows/s (its transform's load alone)", "\(Results.rate(rate)) rows/s",
                rate >= konnectorRowsPerSecond, gap: ratio(konnectorRowsPerSecond, rate) + " short")
            if let baseline = largest.baselineRowsPerSecond {
                let factor = baseline / max(rate, 1e-9)
                add("Konnector daily rows within 2x of the C API baseline", String(format: "%.1fx slower (baseline %@ rows/s)", factor, Results.rate(baseline)),
                    factor <= baselineFactor, gap: String(format: "%.1fx over 2x", factor / baselineFactor))
            }
        }
        if let rate = largest.weConnectMessagesPerSecond {
            add("WeConnect at least 150,000 messages/s (its transform's load alone)", "\(Results.rate(rate)) messages/s",
                rate >= weConnectMessagesPerSecond, gap: ratio(weConnectMessagesPerSecond, rate) + " short")
        }
        for (format, baselineName, limit) in [("csv", StageName.sqliteCSV, csvFactor), ("xlsx", StageName.xlsxBaseline, xlsxFactor)] {
            guard let report = largest.stage(StageName.report(format)), let baseline = largest.stage(baselineName) else { continue }
            let factor = report.seconds / max(baseline.seconds, 1e-9)
            let measuredText = String(format: "%.2f s vs %.2f s: %.2fx", report.seconds, baseline.seconds, factor)
                + (report.timedOut ? " (stopped at the timeout)" : "")
            add("\(format.uppercased()) report within \(limit)x of \(baselineName.dropFirst("baseline ".count))",
                measuredText, !report.timedOut && factor <= limit, gap: String(format: "%.2fx over %.1fx", factor / limit, limit))
        }

        if let publish = largest.stage(StageName.publish), let psql = largest.stage(StageName.psqlCopy),
           let rate = largest.publishRowsPerSecond, let reference = largest.psqlRowsPerSecond {
            let factor = reference / max(rate, 1e-9)
            let same = largest.publishedRows == largest.psqlRows
            add("publish to PostgreSQL within 1.5x of `psql \\copy` of the same CSVs (rows/s)",
                String(format: "%@ vs %@ rows/s (%.2f s vs %.2f s, %d rows): %.2fx", Results.rate(rate), Results.rate(reference),
                       publish.seconds, psql.seconds, largest.publishedRows, factor) + (same ? "" : "; psql loaded \(largest.psqlRows) rows"),
                same && factor <= publishFactor,
                gap: same ? String(format: "%.2fx over 1.5x", factor / publishFactor) : "the row counts differ")
        }

        let konnectorCalls = largest.firstPull.byVendor[.konnector] ?? 0
        add("Konnector's first pull within 5,000 calls (its daily quota)", "\(konnectorCalls) calls", konnectorCalls <= firstPullCalls,
            gap: "\(konnectorCalls - firstPullCalls) calls over: \(largest.firstPull.endpoints(of: .konnector))")
        let rerunEndpoints = Set((largest.rerun.byEndpoint[.konnector] ?? [:]).keys)
        let others = rerunEndpoints.subtracting(konnectorListing).sorted()
        add("a nightly rerun with nothing new makes only Konnector's listing calls",
            largest.rerun.endpoints(of: .konnector).isEmpty ? "no calls" : largest.rerun.endpoints(of: .konnector),
            others.isEmpty, gap: "also " + others.joined(separator: ", "))

        if scales.count >= 2 {
            let growth = Growth(from: scales[scales.count - 2], to: largest)
            let faster = growth.rows.filter { $0.kind == .product && $0.timeGrowth > growth.data * growthTolerance }
            add("no stage's time grows more than \(growthTolerance)x faster than the data (scale \(growth.from) to \(growth.to), data x\(String(format: "%.2f", growth.data)))",
                faster.isEmpty ? "largest: " + (growth.rows.filter { $0.kind == .product }.max { $0.timeGrowth < $1.timeGrowth }
                    .map { "\($0.name) x\(String(format: "%.2f", $0.timeGrowth))" } ?? "-") : "\(faster.count) faster",
                faster.isEmpty, gap: faster.map { "\($0.name) x\(String(format: "%.2f", $0.timeGrowth))" }.joined(separator: ", "))
        }

        if let buildSeconds {
            let whole = buildSeconds + totalSeconds
            add("`make bench` from a fresh clone under 15 minutes",
                String(format: "%.0f s (release build %.0f s, measuring %.0f s)", whole, buildSeconds, totalSeconds),
                whole <= makeBenchSeconds, gap: String(format: "%.0f s over", whole - makeBenchSeconds))
        } else {
            add("`make bench` from a fresh clone under 15 minutes",
                String(format: "measuring %.0f s; the build was not timed (run through `make bench`)", totalSeconds), nil)
        }
        return targets
    }
}
