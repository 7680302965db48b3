import Foundation
import TestSupport
import Testing
import Warehouse

/// The demo's index.html in headless Chromium (Debian's `chromium`, installed by `make deps`): the inline script
/// runs without errors, a sort named in the URL fragment reorders the sender table, and a screenshot is saved.
@Suite(.serialized) struct BrowserTests {
    /// Where the browser is; a missing browser is a failure, since the Makefile installs it.
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A copy of the shared demo for the suite, which writes its browser profiles, page dumps and harness pages
    /// beside the reports (a copy, so no other test copies the shared folder while a browser writes in it).
    private static let demoCopy = Task { () throws -> DemoOutput.Run in
        try await DemoOutput.copy(to: try TemporaryDirectory("browser").url.appendingPathComponent("demo"))
    }

    /// The suite's demo folder and its index.html.
    private func demo() async throws -> (folder: URL, index: URL) {
        let demo = try await Self.demoCopy.value
        return (demo.folder, demo.out.appendingPathComponent("index.html"))
    }

    /// Runs Chromium headless on `url` with `arguments` added; returns what it wrote to `output` (or stdout).
    private func chromium(_ arguments: [String], url: String, in folder: URL) async throws -> String {
        let browser = try #require(Self.chromium, "chromium is not installed: run make deps")
        let dom = folder.appendingPathComponent("dom-\(UUID().uuidString.prefix(8)).html")
        let command = ([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--user-data-dir=\(folder.appendingPathComponent("profile-\(UUID().uuidString.prefix(8))").path)",
                        "--virtual-time-budget=3000"] + arguments + [url])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let log = try await CommandRunner.shell("(\(command) > '\(dom.path)')", in: folder)
        let text = (try? String(contentsOf: dom, encoding: .utf8)) ?? ""
        #expect(!text.isEmpty || arguments.contains { $0.hasPrefix("--screenshot") }, "chromium said: \(log)")
        return text
    }

    /// The text of the cells in column `column` of the sender table, in row order, from a dumped DOM.
    private func senderColumn(_ column: Int, in dom: String) throws -> [String] {
        let start = try #require(dom.range(of: "id=\"report_sender_summary\""), "no sender section")
        let end = try #require(dom.range(of: "</tbody>", range: start.upperBound..<dom.endIndex))
        let body = String(dom[start.upperBound..<end.lowerBound])
        let rows = body.components(separatedBy: "<tr").dropFirst(2)  // the header row, then the body rows
        return try rows.map { row in
            let cells = row.components(separatedBy: "<td").dropFirst()
            let cell = try #require(cells.dropFirst(column).first, "row without column \(column)")
            let content = cell.split(separator: ">", maxSplits: 1).last.map(String.init) ?? ""
            return String(content.prefix { $0 != "<" })
        }
    }

    private func readyAndErrorFree(_ dom: String) {
        let root = dom.components(separatedBy: "<html").dropFirst().first?.prefix { $0 != ">" } ?? ""
        #expect(root.contains("data-ready=\"1\""), "the page's script did not run: <html\(root)>")
        #expect(!root.contains("data-error"), "the page's script failed: <html\(root)>")
    }

    /// The demo warehouse's requests sent over a period of report_kpi_periods, as the cards show it.
    private func requestsSent(_ period: String, in folder: URL) throws -> String {
        let warehouse = try Warehouse(readingOnly: folder.appendingPathComponent("out/warehouse.sqlite"))
        return try warehouse.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT requests_sent FROM report_kpi_periods WHERE period = ?", arguments: [period])
        }.map(String.init) ?? "none"
    }

    @Test func clickingAPresetChangesTheCardsAndAFragmentOpensOnOne() async throws {
        let (folder, index) = try await demo()
        // The report in a frame of a page of the same folder (file pages share an origin with
        // --allow-file-access-from-files), which clicks the "Last 7 days" link as a user would and writes what the
        // report showed before and after into its own DOM.
        let harness = index.deletingLastPathComponent().appendingPathComponent("click-\(UUID().uuidString.prefix(8)).html")
        try """
            <!DOCTYPE html><html><body><pre id="result">not run</pre><iframe id="report" src="index.html"></iframe>
            <script>
            var frame = document.getElementById("report");
            frame.onload = function () {
              var page = frame.contentDocument;
              function shown() {
                var blocks = page.querySelectorAll(".preset:not([hidden])");
                return blocks.length + ":" + Array.prototype.map.call(blocks, function (block) {
                  return block.getAttribute("data-period") + "=" + block.querySelector(".card .value").textContent;
                }).join(",");
              }
              var before = shown();
              page.querySelector('.presets a[data-period="7d"]').click();
              setTimeout(function () {
                document.getElementById("result").textContent = before + " then " + shown() + " at " + frame.contentWindow.location.hash;
              }, 200);
            };
            </script></body></html>
            """.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try await chromium(["--dump-dom", "--allow-file-access-from-files"], url: harness.absoluteString, in: folder)
        let all = try requestsSent("all_time", in: folder), week = try requestsSent("last_7_days", in: folder)
        #expect(all != week, "the demo's last week differs from all time")
        #expect(dom.contains("1:all=\(all) then 1:7d=\(week) at #period=7d"), "\(dom.suffix(600))")

        // A link with the fragment opens on its preset; without one the page shows all time.
        let linked = try await chromium(["--dump-dom"], url: index.absoluteString + "#period=30d", in: folder)
        readyAndErrorFree(linked)
        #expect(linked.contains("<div class=\"preset\" data-period=\"30d\">"), "the 30-day preset is shown")
        #expect(linked.contains("<div class=\"preset\" data-period=\"all\" hidden=\"\">"), "all time is hidden")
        let html = try String(contentsOf: index, encoding: .utf8)
        #expect(html.contains("<div class=\"preset\" data-period=\"all\">"), "without JavaScript all time shows")
        #expect(html.contains("<div class=\"preset\" data-period=\"7d\" hidden=\"hidden\">"))
    }

    @Test(arguments: ["desc", "asc"])
    func sortInTheFragmentReordersTheSenderTable(direction: String) async throws {
        let (folder, index) = try await demo()
        let dom = try await chromium(["--dump-dom"], url: index.absoluteString + "#sort=report_sender_summary:3:\(direction)",
                                     in: folder)
        readyAndErrorFree(dom)
        let sent = try senderColumn(3, in: dom).map { Int($0) }
        #expect(sent.count >= 3, "senders: \(sent)")
        let known = sent.compactMap { $0 }
        #expect(known == known.sorted(by: direction == "desc" ? (>) : (<)), "requests_sent \(direction): \(sent)")
        #expect(Set(known).count > 1, "the demo's senders all sent the same: \(sent)")
        #expect(dom.contains("aria-sort=\"\(direction == "desc" ? "descending" : "ascending")\""))
    }

    @Test func everyPageRunsItsScriptAndTheDashboardScreenshotIsSaved() async throws {
        let (folder, index) = try await demo()
        let plain = try await chromium(["--dump-dom"], url: index.absoluteString, in: folder)
        readyAndErrorFree(plain)
        let original = try senderColumn(3, in: plain)
        // A page below the index too: its script runs and its links lead back.
        let senders = index.deletingLastPathComponent().appendingPathComponent("senders")
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: senders.path).sorted().first)
        let sender = try await chromium(["--dump-dom"], url: senders.appendingPathComponent(page).absoluteString, in: folder)
        readyAndErrorFree(sender)
        #expect(sender.contains("href=\"../index.html\""))
        #expect(original.count >= 3)

        let screenshot = folder.appendingPathComponent("dashboard.png")
        _ = try await chromium(["--hide-scrollbars", "--window-size=1280,2000", "--screenshot=\(screenshot.path)"],
                               url: index.absoluteString, in: folder)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 20_000, "a \(png.count)-byte screenshot is blank")
        print("BrowserTests screenshot: \(screenshot.path)")
    }
}
