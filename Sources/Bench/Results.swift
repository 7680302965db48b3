import Foundation
import Vendors

/// Turns the measured scales into `benchmarks/results.md` and the one-line-per-figure summary.
struct Results {
    var machine: Machine
    var scales: [ScaleResult]
    var skipped: [(Int, String)]
    var totalSeconds: Double
    var buildSeconds: Double?
    var inProcessFrom: Int
    var stageTimeout: Double

    /// One `(scale, figure, value)` per measured figure, in a stable order.
    var figures: [(Int, String, String)] {
        var out: [(Int, String, String)] = []
        for result in scales {
            let s = result.sizes
            func add(_ name: String, _ value: String) { out.append((s.scale, name, value)) }
            add("senders", "\(s.senders)")
            add("campaigns", "\(s.campaigns)")
            add("days", "\(s.days)")
            add("weconnect_threads", "\(s.threads)")
            add("weconnect_messages", "\(s.messages)")
            add("weconnect_prospects", "\(s.weConnectProspects)")
            add("linkedapi_invitations", "\(s.linkedAPIInvitations)")
            add("welink_accounts", "\(s.weLinkAccounts)")
            add("welink_requests", "\(s.weLinkRequests)")
            add("raw_pages", "\(s.rawPages)")
            add("raw_mb", Self.mb(s.rawBytes))
            add("fact_rows", "\(s.factRows)")
            add("prospects", "\(s.prospects)")
            add("konnector_daily_rows", "\(s.konnectorDailyRows)")
            add("sandbox_generate_s", Self.seconds(result.generateSeconds))
            for stage in result.stages {
                let slug = StageName.slug(stage.name)
                add("\(slug)_s", Self.seconds(stage.seconds) + (stage.timedOut ? "+" : ""))
                if let peak = stage.peakRSS { add("\(slug)_peak_rss_mb", Self.mb(Int(peak))) }
            }
            if let rate = result.konnectorRowsPerSecond { add("konnector_daily_rows_per_s", Self.rate(rate)) }
            if let rate = result.baselineRowsPerSecond { add("baseline_c_api_rows_per_s", Self.rate(rate)) }
            if let rate = result.weConnectMessagesPerSecond { add("weconnect_messages_per_s", Self.rate(rate)) }
            if let rate = result.publishRowsPerSecond { add("publish_rows_per_s", Self.rate(rate)) }
            if let rate = result.psqlRowsPerSecond { add("baseline_psql_copy_rows_per_s", Self.rate(rate)) }
            for vendor in SourceKind.configurable {
                add("first_pull_\(vendor.rawValue)_calls", "\(result.firstPull.byVendor[vendor] ?? 0)")
                add("rerun_\(vendor.rawValue)_calls", "\(result.rerun.byVendor[vendor] ?? 0)")
            }
            add("rerun_extract_rows_written", "\(result.rerunExtractRowsChanged)")
            add("rerun_transform_rows_written", "\(result.rerunTransformRowsChanged)")
            add("index_html_mb", Self.mb(result.indexHTMLBytes))
            add("largest_html_mb", Self.mb(result.largestHTML.bytes))
        }
        return out
    }

    /// The summary printed to stdout: one line per figure.
    var summaryLines: [String] {
        figures.map { "bench scale=\($0.0) \($0.1)=\($0.2)" }
    }

    var markdown: String {
        var md = "# Benchmark results\n\n"
        md += "Written by `make bench` (`etl-bench`, release build) on \(Self.timestamp()); measuring took "
        md += "\(Self.seconds(totalSeconds)) s"
        if let buildSeconds {
            md += ", the release build before it \(Self.seconds(buildSeconds)) s (as `make bench` timed it): "
            md += "\(Self.seconds(totalSeconds + buildSeconds)) s in all"
        }
        md += ". See `README.md` beside this file for what each figure means.\n\n"
        md += "## Machine\n\n"
        md += "- CPU: \(machine.cpuModel), \(machine.cores) cores available\n"
        md += "- Memory: \(Self.mb(Int(machine.memoryBytes))) MB\n"
        md += "- OS: \(machine.os)\n"
        md += "- Toolchain: \(machine.swiftVersion)\n\n"
        md += provenance()
        md += targets()
        md += growth()
        md += stageTable()
        md += sizeTable()
        md += calls()
        md += files()
        md += "## Fact rows by table\n\n"
        for result in scales {
            md += "- scale \(result.sizes.scale): "
            md += result.sizes.factRowsByTable.map { "`\($0.0)` \($0.1)" }.joined(separator: ", ") + "\n"
        }
        md += "\n"
        if !skipped.isEmpty {
            md += "## Scales not run\n\n"
            for (scale, reason) in skipped { md += "- scale \(scale): \(reason)\n" }
            md += "\n"
        }
        return md
    }

    /// How the data reached the warehouse at each scale.
    private func provenance() -> String {
        let http = scales.filter { !$0.weConnectInProcess }.map { "\($0.sizes.scale)" }
        let landed = scales.filter(\.weConnectInProcess).map { "\($0.sizes.scale)" }
        var md = "## How the data got in\n\n"
        md += "- Every scale: the sandbox in this process with `SandboxGrowth.largeAccount` (per scale block: 4 Konnector senders "
        md += "with 40 campaigns, 2 WeConnect users of 1,200 threads of 10 messages with 800 prospects of their own, 2 We-Link "
        md += "accounts, 80 Linked API invitations), every vendor limit and delay off. Each stage runs in a child process of "
        md += "its own; its peak RSS is that process's own `VmHWM`.\n"
        md += "- Konnector, We-Link and Linked API: extracted over HTTP on loopback at every scale.\n"
        if !http.isEmpty { md += "- WeConnect over HTTP on loopback at scale \(http.joined(separator: ", ")).\n" }
        if !landed.isEmpty {
            md += "- WeConnect **landed in-process** at scale \(landed.joined(separator: ", ")) (`--in-process-from \(inProcessFrom)`): "
            md += "one request per thread is more than loopback HTTP carries in the bench's time, so each `ln/thread` page "
            md += "was landed straight from the sandbox (`WeConnectThreadLanding`): the answer computed by `SandboxServer.answer`, "
            md += "the responder and the emulator's own response building an HTTP request reaches, byte for byte, without a "
            md += "socket, landed as the extractor lands it with the thread's fingerprint; then the product's extractor ran "
            md += "in-process over the same sandbox (login, every listing page, no thread left to read, the ledger), and the "
            md += "rerun likewise. Those calls are counted as any; those stages have no HTTP time and no peak of their own (they "
            md += "run beside the sandbox), so the extract's memory at those scales is Konnector's, We-Link's and Linked API's.\n"
        }
        if let (scale, check) = scales.lazy.compactMap({ result in result.landingCheck.map { (result.sizes.scale, $0) } }).first {
            md += "- The in-process landing checked against the extractor over HTTP at scale \(scale): it reproduced "
            md += "\(check.identicalPages) of the \(check.pages) thread pages byte for byte (method, parameters, status, content "
            md += "type, body)"
            if check.agedPages > 0 {
                md += " and \(check.agedPages) more but for a message's relative `time` (\"5 minutes ago\"), which moved with the "
                md += "clock between the two reads"
            }
            md += ", and \(check.identicalFingerprints) of the \(check.fingerprints) listing fingerprints"
            md += check.identical ? ": identical.\n" : ". **Not identical**: the in-process scales' figures are suspect.\n"
        }
        md += "- A view, report or baseline still running after \(Int(stageTimeout)) s is stopped; its time is then marked `+` "
        md += "(a lower bound).\n\n"
        return md
    }

    private func targets() -> String {
        guard let largest = scales.last else { return "## Targets\n\nNo scale was measured.\n\n" }
        var md = "## Targets (largest scale measured: \(largest.sizes.scale))\n\n"
        md += "| target | measured | met |\n|---|---|---|\n"
        for target in Target.judge(scales, totalSeconds: totalSeconds, buildSeconds: buildSeconds) {
            let met = switch target.met {
            case true?: "yes"
            case false?: "**no**: \(target.gap)"
            case nil: "not measured"
            }
            md += "| \(target.name) | \(target.measured) | \(met) |\n"
        }
        md += "\nWhere a target is not met, the gap is explained in the Findings of `README.md` beside this file.\n\n"
        return md
    }

    private func growth() -> String {
        guard scales.count >= 2 else { return "" }
        let growth = Growth(from: scales[scales.count - 2], to: scales[scales.count - 1])
        var md = "## Growth from scale \(growth.from) to scale \(growth.to)\n\n"
        md += "The data grew x\(Self.factor(growth.data)) (fact rows; raw bytes x\(Self.factor(growth.rawBytes))). "
        md += "Stages under \(Self.seconds(Growth.significantSeconds)) s at scale \(growth.to) are mostly process start and "
        md += "do not count towards the growth target.\n\n"
        md += "| stage | s at \(growth.from) | s at \(growth.to) | time growth | peak MB at \(growth.from) | peak MB at \(growth.to) | memory growth | data growth |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for row in growth.allRows {
            md += "| \(row.name) | \(Self.seconds(row.before.seconds))\(row.before.timedOut ? "+" : "") | "
            md += "\(Self.seconds(row.after.seconds))\(row.after.timedOut ? "+" : "") | x\(Self.factor(row.timeGrowth)) | "
            md += "\(row.before.peakRSS.map { Self.mb(Int($0)) } ?? "-") | \(row.after.peakRSS.map { Self.mb(Int($0)) } ?? "-") | "
            md += "\(row.memoryGrowth.map { "x" + Self.factor($0) } ?? "-") | x\(Self.factor(growth.data)) |\n"
        }
        return md + "\n"
    }

    /// Every stage's time and peak at every scale.
    private func stageTable() -> String {
        var names: [String] = []
        for result in scales { for stage in result.stages where !names.contains(stage.name) { names.append(stage.name) } }
        var md = "## Stages per scale (wall seconds, peak RSS MB)\n\n"
        md += "| stage | " + scales.map { "scale \($0.sizes.scale)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + scales.map { _ in "---:|" }.joined() + "\n"
        for name in names {
            let cells = scales.map { result -> String in
                guard let stage = result.stage(name) else { return "" }
                let time = Self.seconds(stage.seconds) + (stage.timedOut ? "+" : "") + " s"
                return stage.peakRSS.map { time + ", " + Self.mb(Int($0)) } ?? time
            }
            md += "| \(name) | " + cells.joined(separator: " | ") + " |\n"
        }
        md += "\nRates: "
        md += scales.map { result in
            var parts: [String] = []
            if let rate = result.konnectorRowsPerSecond { parts.append("Konnector \(Self.rate(rate)) daily rows/s") }
            if let rate = result.baselineRowsPerSecond { parts.append("C API \(Self.rate(rate)) rows/s") }
            if let rate = result.weConnectMessagesPerSecond { parts.append("WeConnect \(Self.rate(rate)) messages/s") }
            if let rate = result.publishRowsPerSecond { parts.append("publish \(Self.rate(rate)) rows/s of \(result.publishedRows)") }
            if let rate = result.psqlRowsPerSecond { parts.append("psql \\copy \(Self.rate(rate)) rows/s of \(result.psqlRows)") }
            let refreshes = result.stages.filter { $0.refreshSeconds > 0 }
                .map { "\($0.name) \(Self.seconds($0.refreshSeconds)) s" }
            if !refreshes.isEmpty { parts.append("of which computing the stored reporting views: " + refreshes.joined(separator: ", ")) }
            return "scale \(result.sizes.scale): " + parts.joined(separator: ", ")
        }.joined(separator: "; ")
        md += " (each vendor's transform alone, its own time inside its process without the refresh of the stored views that "
        md += "ends it, which is listed; publish and psql from process start to exit).\n\n"
        return md
    }

    private func sizeTable() -> String {
        var md = "## Sizes per scale\n\n"
        md += "| figure | " + scales.map { "scale \($0.sizes.scale)" }.joined(separator: " | ") + " |\n"
        md += "|---|" + scales.map { _ in "---:|" }.joined() + "\n"
        let rows: [(String, (ScaleResult) -> String)] = [
            ("senders", { "\($0.sizes.senders)" }), ("campaigns", { "\($0.sizes.campaigns)" }), ("days", { "\($0.sizes.days)" }),
            ("WeConnect threads", { "\($0.sizes.threads)" }), ("WeConnect messages", { "\($0.sizes.messages)" }),
            ("WeConnect prospects", { "\($0.sizes.weConnectProspects)" }),
            ("Linked API invitations", { "\($0.sizes.linkedAPIInvitations)" }),
            ("We-Link accounts, requests", { "\($0.sizes.weLinkAccounts), \($0.sizes.weLinkRequests)" }),
            ("raw pages (first pull)", { "\($0.sizes.rawPages)" }), ("raw MB", { Self.mb($0.sizes.rawBytes) }),
            ("fact rows", { "\($0.sizes.factRows)" }), ("Konnector daily rows", { "\($0.sizes.konnectorDailyRows)" }),
            ("prospects (`dim_prospect`)", { "\($0.sizes.prospects)" }),
            ("sandbox generation s", { Self.seconds($0.generateSeconds) }),
        ]
        for (name, value) in rows { md += "| \(name) | " + scales.map(value).joined(separator: " | ") + " |\n" }
        return md + "\n"
    }

    private func calls() -> String {
        var md = "## API calls\n\n"
        for result in scales {
            md += "- scale \(result.sizes.scale), first pull: \(result.firstPull.total) calls"
            md += SourceKind.configurable.map { vendor in
                "; \(vendor.rawValue) \(result.firstPull.byVendor[vendor] ?? 0) (\(result.firstPull.endpoints(of: vendor)))"
            }.joined() + "\n"
            md += "- scale \(result.sizes.scale), nightly rerun with nothing new: \(result.rerun.total) calls"
            md += SourceKind.configurable.map { vendor in
                "; \(vendor.rawValue) \(result.rerun.byVendor[vendor] ?? 0) (\(result.rerun.endpoints(of: vendor)))"
            }.joined()
            md += ". Rows written: \(result.rerunExtractRowsChanged) by the extract (bookkeeping and raw pages), "
            md += "\(result.rerunTransformRowsChanged) by the incremental transform of \(result.rerunTransformPages) pages.\n"
        }
        return md + "\n"
    }

    private func files() -> String {
        var md = "## Report files\n\n"
        for result in scales {
            md += "- scale \(result.sizes.scale): `index.html` \(Self.mb(result.indexHTMLBytes)) MB; largest HTML file "
            md += "`\(result.largestHTML.path)` \(Self.mb(result.largestHTML.bytes)) MB; \(result.htmlFiles) HTML files; "
            md += result.reportBytes.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.mb($0.value)) MB in all" }
                .joined(separator: ", ")
            md += "; rows per view: " + result.viewRows.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }
                .joined(separator: ", ") + "\n"
        }
        return md + "\n"
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
    static func factor(_ value: Double) -> String { String(format: "%.2f", value) }
    static func rate(_ value: Double) -> String { String(Int(value.rounded())) }
    static func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / Target.megabyte) }
    static func megabytes(_ bytes: Int) -> String { mb(bytes) + " MB" }
    static func timestamp() -> String { Date().formatted(Date.ISO8601FormatStyle(timeZone: .gmt)) }
}
