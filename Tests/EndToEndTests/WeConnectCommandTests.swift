import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Sandbox
import TestSupport
import Testing
import Warehouse
import ZIPFoundation

/// WeConnect through the built binary: `etl listen` stops cleanly on a signal, and hostile vendor
/// strings reach the CSV, XLSX and HTML intact and harmless.
@Suite(.timeLimit(.minutes(3))) struct WeConnectCommandTests {
    private func writeConfig(_ fixture: WeConnectFixture, in directory: TemporaryDirectory) throws {
        try """
            [warehouse]
            path = "warehouse.sqlite"

            [reports]
            dir = "reports"

            [[sources]]
            name = "\(WeConnectFixture.sourceName)"
            kind = "weconnect"
            base_url = "\(fixture.server.weConnectBaseURL.absoluteString)"
            email_env = "TEST_WC_EMAIL"
            password_env = "TEST_WC_PASSWORD"
            socket_url = "\(fixture.server.weConnectSocketURL.absoluteString)"
            """.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func listenStopsCleanlyOnASignal(_ signal: Int32) async throws {
        try await WeConnectFixture.with { fixture in
            let directory = try TemporaryDirectory("listen")
            defer { directory.remove() }
            try writeConfig(fixture, in: directory)
            let process = try CommandRunner().start(["listen", "--config", "etl.toml", "--source", WeConnectFixture.sourceName],
                                                    in: directory.url, environment: fixture.environment)
            let auth = await fixture.server.request { $0.path.hasSuffix("/broadcasting/auth") && $0.status == 200 }
            #expect(auth.status == 200)
            kill(process.processIdentifier, signal)
            let status = await CommandRunner.wait(for: process)
            #expect(status == 0)
            let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
            let run = try await warehouse.pool.read { db in try Row.fetchOne(db, sql: "SELECT command, status, finished_at FROM run") }
            #expect(run?["command"] == "listen")
            #expect(run?["status"] == "ok")
            #expect((run?["finished_at"] as String?) != nil)
        }
    }

    @Test func hostileVendorStringsSurviveIntoEveryFormatIntactAndHarmless() async throws {
        try await WeConnectFixture.with { fixture in
            let directory = try TemporaryDirectory("hostile")
            defer { directory.remove() }
            try writeConfig(fixture, in: directory)
            let result = try await CommandRunner().run(["run", "--config", "etl.toml", "--quiet"], in: directory.url,
                                                       environment: fixture.environment)
            #expect(result.status == 0, "\(result.stderr)")
            let names = Set(fixture.dataset.threads(ofUser: fixture.user.id).map(\.profile.name))
            #expect(names.contains { $0.contains("<script>") } && names.contains { $0.contains("\"") })

            let csv = try String(contentsOf: directory.file("reports/report_threads.csv"), encoding: .utf8)
            let cells = Set(CSVCells.parse(csv).map { $0.count > 3 ? $0[3] : "" })
            for name in names {
                let neutral = ["=", "+", "-", "@"].contains(String(name.prefix(1))) ? "'" + name : name
                #expect(cells.contains(neutral), "CSV keeps \(name) intact")
            }

            let html = try String(contentsOf: directory.file("reports/index.html"), encoding: .utf8)
            #expect(!html.contains("<script>alert"))
            let text = try HTMLText.collect(html)
            for name in names {
                #expect(text.contains(name), "HTML shows \(name) as text")
            }

            let archive = try Archive(url: directory.file("reports/report.xlsx"), accessMode: .read)
            var shared = Data()
            if let entry = archive["xl/sharedStrings.xml"] { _ = try archive.extract(entry) { shared.append($0) } }
            var sheets = ""
            for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                sheets += String(decoding: data, as: UTF8.self)
            }
            #expect(!sheets.contains("<f>"), "no cell is a formula")
            let strings = try HTMLText.collect(String(decoding: shared, as: UTF8.self) + sheets, wrapped: true)
            for name in names {
                #expect(strings.contains(name), "XLSX keeps \(name) as a string")
            }
        }
    }
}

/// A strict RFC 4180 reader for tests.
enum CSVCells {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }
}

/// The text nodes of a well-formed XML or XHTML document, parsed for real.
final class HTMLText: NSObject, XMLParserDelegate {
    private var texts: [String] = []
    private var current = ""

    static func collect(_ markup: String, wrapped: Bool = false) throws -> Set<String> {
        var source = markup
        if wrapped {
            source = "<root>" + markup.replacingOccurrences(of: #"<\?xml[^>]*\?>"#, with: "", options: .regularExpression) + "</root>"
        }
        let parser = XMLParser(data: Data(source.utf8))
        let collector = HTMLText()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        collector.flush()
        return Set(collector.texts)
    }

    private func flush() {
        if !current.isEmpty { texts.append(current) }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) { flush() }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) { flush() }
}
