import Foundation
import Testing
@testable import Report

@Suite struct HTMLRendererTests {
    private func fixtureHTML() throws -> String {
        try withTemporaryDirectory { try HTMLRenderer().render(ReportFixture.loadModel(in: $0)) }
    }

    /// A model with the given KPI and trend rows and every other view empty.
    private func model(kpis: [[CellValue]], trend: [[CellValue]], sources: [SourceHealth] = []) -> ReportModel {
        var rows = Dictionary(uniqueKeysWithValues: ReportFixture.views.map { ($0.0, [[CellValue]]()) })
        rows["report_kpis"] = kpis
        rows["report_daily_trend"] = trend
        return ReportFixture.model(replacing: rows, sources: sources)
    }

    private func cells(of row: XMLTree.Element) -> [String] {
        row.children.filter { $0.name == "td" }.map(\.text)
    }

    @Test func isWellFormedPolyglotMarkup() throws {
        let html = try fixtureHTML()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        let document = try XMLTree(html)
        #expect(document.root?.name == "html")
        #expect(document.elements(named: "body").count == 1)
    }

    @Test func vendorStringsAreEscapedAndReadBackExactly() throws {
        let html = try fixtureHTML()
        let document = try XMLTree(html)
        // A name a data-quality warning concerns carries a marker after it.
        let cellTexts = Set(document.elements(named: "td").map { $0.text.replacingOccurrences(of: " ⚠", with: "") })
        for hostile in ReportFixture.hostile {
            #expect(cellTexts.contains(hostile), "\(hostile) is not a table cell")
        }
        #expect(cellTexts.contains("<img src=x onerror=alert(1)>"))
        #expect(cellTexts.contains("https://www.linkedin.com/in/li-lei"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Tom &amp; Jerry&#39;s &quot;deal&quot; &lt;b&gt;"))
    }

    @Test func hasOneInlineScriptAndLoadsNothingOverTheNetwork() throws {
        let html = try fixtureHTML()
        let document = try XMLTree(html)
        #expect(document.elements(named: "script").count == 1)
        #expect(document.elements(named: "script").first?.attributes["src"] == nil)
        #expect(html.components(separatedBy: "<script").count == 2)
        let linkAttributes: Set<String> = ["src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset"]
        for element in document.all {
            for (name, value) in element.attributes where linkAttributes.contains(name) {
                let page = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                // A page of the report, or one of the data files written beside it (a view's CSV, the workbook).
                let file = [".html", ".csv", ".xlsx"].contains { page.hasSuffix($0) }
                let local = value.hasPrefix("#") || (name == "href" && file && !page.contains(":") && !page.hasPrefix("/"))
                #expect(local, "<\(element.name) \(name)=\"\(value)\"> leaves the report")
            }
        }
        #expect(!document.elements(named: "a").isEmpty)
        #expect(html.range(of: "url(", options: .caseInsensitive) == nil)
        #expect(html.range(of: "@import", options: .caseInsensitive) == nil)
        #expect(document.elements(named: "link").isEmpty)
        // The contract checker's own rule.
        let network = try Regex(#"(?i)\bsrc\s*=\s*["']?(https?:)?//|<link\b[^>]*\bhref\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//"#)
        #expect(html.firstMatch(of: network) == nil)
    }

    @Test func oneSectionPerViewWithEveryRow() throws {
        let document = try XMLTree(try fixtureHTML())
        for (name, _, rows) in ReportFixture.views.prefix(5) {
            let section = try #require(document.all.first { $0.attributes["id"] == name }, "no section \(name)")
            #expect(section.name == "section")
            let bodyRows = section.children.flatMap(\.children).filter { $0.name == "table" }
                .flatMap(\.children).filter { $0.name == "tbody" }.flatMap(\.children)
            #expect(bodyRows.count == rows.count, "rows of \(name)")
        }
    }

    @Test func ratesArePercentagesNullsEmptyNumbersRightAligned() throws {
        let document = try XMLTree(try fixtureHTML())
        let section = try #require(document.all.first { $0.attributes["id"] == "report_sender_summary" })
        let rows = section.children.flatMap(\.children).flatMap(\.children).filter { $0.name == "tbody" }.flatMap(\.children)
        #expect(rows.count == 9)
        #expect(cells(of: rows[0]) == ["acme", "s1", ReportFixture.formulaName, "8", "5", "62.5%", "10", "10", "100.0%"])
        #expect(cells(of: rows[1]) == ["acme", "s2", "+SUM(1)", "0", "0", "", "", "", ""])
        let classes = rows[0].children.map { $0.attributes["class"] }
        #expect(classes == [nil, nil, nil, "num", "num", "num", "num", "num", "num"])
    }

    @Test func kpiCardsShowTheKPIView() throws {
        let document = try XMLTree(try fixtureHTML())
        let values = document.visible.filter { $0.attributes["class"] == "value" }.map(\.text)
        #expect(values == ["19", "13", "68.4%", "21", "12", "57.1%", "3 h 20 min", "2 d 4 h", "37.5%", "12.5%"])
    }

    @Test func periodPresetsArePreRenderedFromTheirViewWithAllTimeShown() throws {
        let document = try XMLTree(try fixtureHTML())
        let blocks = document.all.filter { $0.attributes["class"] == "preset" }
        #expect(blocks.map { $0.attributes["data-period"] ?? "" } == ["7d", "30d", "90d", "all"])
        #expect(blocks.map { $0.attributes["hidden"] != nil } == [true, true, true, false])
        func values(_ element: XMLTree.Element) -> [String] {
            (element.attributes["class"] == "value" ? [element.text] : []) + element.children.flatMap(values)
        }
        // report_kpi_periods' last_7_days row of the fixture, as the cards format it.
        #expect(values(blocks[0]) == ["2", "1", "50.0%", "3", "1", "33.3%", "30 min", "1 h", "25.0%", "12.5%"])
        let links = document.all.filter { $0.attributes["data-period"] != nil && $0.name == "a" }
        #expect(links.map { $0.attributes["href"] ?? "" } == ["#period=7d", "#period=30d", "#period=90d", "#period=all"])
        #expect(links.map { $0.attributes["aria-current"] } == [nil, nil, nil, "true"])
    }

    @Test func missingKPIsReadNotAvailable() throws {
        let nullRates = model(kpis: [[.integer(0), .integer(0), .null, .integer(0), .null, .null, .null, .null, .null, .null]], trend: [])
        let empty = model(kpis: [], trend: [])
        for model in [nullRates, empty] {
            let document = try XMLTree(try HTMLRenderer().render(model))
            let values = document.visible.filter { $0.attributes["class"] == "value" }.map(\.text)
            #expect(values.count == 10)
            #expect(values[2] == "n/a" && values[5] == "n/a")
            #expect(values[6] == "n/a" && values[7] == "n/a")
            #expect(values[8] == "n/a" && values[9] == "n/a")
        }
    }

    @Test func staleSourcesGetABanner() throws {
        let document = try XMLTree(try fixtureHTML())
        let banners = document.all.filter { $0.attributes["class"] == "banner" }.filter { $0.text.contains("Source") }
        #expect(banners.count == 1)
        let text = try #require(banners.first?.text)
        #expect(text.contains("beta <prod>"))
        #expect(text.contains("GET /api/v1/campaigns: HTTP 503 & \"retry later\""))
        #expect(text.contains("2024-04-30T06:00:00Z"))
        #expect(!text.contains("acme"))
    }

    @Test func showsGeneratedTimeAndMethod() throws {
        let document = try XMLTree(try fixtureHTML())
        #expect(document.elements(named: "time").first?.text == "2024-05-01T10:00:00Z")
        let method = try #require(document.all.first { $0.attributes["id"] == "method" }).text
        #expect(method.contains("Acceptance rate = requests accepted / requests sent"))
        #expect(method.contains("Response rate = messages replied / messages sent"))
        let warnings = try #require(document.all.first { $0.attributes["id"] == "report_quality_warnings" })
        #expect(warnings.text.contains("vendor says 70.0%, counts give 62.5%"))
    }

    @Test func noWarningsNoWarningsSection() throws {
        let document = try XMLTree(try HTMLRenderer().render(model(kpis: [], trend: [])))
        #expect(!document.all.contains { $0.attributes["id"] == "report_quality_warnings" })
    }

    @Test func trendChartsAreInlineSVGWithATextAlternative() throws {
        let document = try XMLTree(try fixtureHTML())
        let trend = try #require(document.all.first { $0.attributes["id"] == "trend" })
        let charts = trend.all(named: "svg")
        #expect(charts.count == 2)
        for chart in charts {
            let title = try #require(chart.children.first { $0.name == "title" }).text
            #expect(title.contains("2024-05-01 to 2024-05-04"))
            #expect(chart.attributes["aria-label"] == title)
            #expect(chart.attributes["role"] == "img")
        }
        // requests_accepted is unknown on 2024-05-02: sent is one line, accepted two dots.
        let requests = charts[0]
        #expect(requests.all(named: "polyline").count == 1)
        #expect(requests.all(named: "circle").count == 2)
        #expect(requests.all(named: "text").map(\.text).contains("2024-05-04"))
    }

    @Test(arguments: [0, 1])
    func chartsHandleZeroOrOneDay(days: Int) throws {
        let trend: [[CellValue]] = Array([[.text("2024-05-01"), .integer(0), .integer(0), .integer(0), .integer(0)]].prefix(days))
        let html = try HTMLRenderer().render(model(kpis: [], trend: trend))
        let document = try XMLTree(html)
        // The all-time trend is shown; the period presets' are hidden until chosen.
        #expect(document.visible.filter { $0.name == "svg" }.count == 2)
        #expect(document.visible.filter { $0.name == "circle" }.count == 4 * days)
        let svg = html.components(separatedBy: "<svg").dropFirst().compactMap { $0.components(separatedBy: "</svg>").first }
        #expect(svg.count == 2 * HTMLRenderer.periods.count)
        for chart in svg {
            #expect(chart.range(of: "nan", options: .caseInsensitive) == nil)
            #expect(chart.range(of: "inf", options: .caseInsensitive) == nil)
        }
    }

    @Test func sameModelSameBytes() throws {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory)
            #expect(try HTMLRenderer().render(model) == HTMLRenderer().render(model))
        }
    }

    @Test func escapingHelper() throws {
        #expect("<a href=\"x\">&'".htmlEscaped == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect("Zoë 李雷\n".htmlEscaped == "Zoë 李雷\n")
        #expect("bell\u{7}".htmlEscaped == "bell\u{FFFD}")
        #expect("a\u{FFFE}b\u{FFFF}".htmlEscaped == "a\u{FFFD}b\u{FFFD}")
        #expect("\u{FEFF}plain".htmlEscaped == "\u{FEFF}plain")
        #expect(try XMLTree("<p>\("x\u{1}<y>".htmlEscaped)</p>").root?.text == "x\u{FFFD}<y>")
    }
}

extension XMLTree.Element {
    /// This element's descendants named `name`, in document order.
    func all(named name: String) -> [XMLTree.Element] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(named: name) }
    }

    /// Every descendant, in document order.
    var descendants: [XMLTree.Element] {
        children.flatMap { [$0] + $0.descendants }
    }
}
