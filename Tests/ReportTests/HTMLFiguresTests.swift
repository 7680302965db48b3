import Foundation
import Testing
@testable import Report

/// The index page's figures: KPI deltas, the funnel, acceptance per sender, the added views, warnings beside the
/// figures they concern, sortable tables and the provenance footer.
@Suite struct HTMLFiguresTests {
    private func document(_ model: ReportModel = ReportFixture.model()) throws -> XMLTree {
        try XMLTree(try HTMLRenderer().render(model))
    }

    private func element(_ id: String, in document: XMLTree) throws -> XMLTree.Element {
        try #require(document.all.first { $0.attributes["id"] == id }, "no element \(id)")
    }

    private func classes(_ element: XMLTree.Element) -> Set<String> {
        Set((element.attributes["class"] ?? "").split(separator: " ").map(String.init))
    }

    @Test func theAddedViewsLoadFromTheWarehouse() throws {
        let model = try withTemporaryDirectory { try ReportFixture.loadModel(in: $0) }
        let tables = [model.kpiChanges, model.funnel, model.weekly, model.campaignTypes, model.cohortAcceptance, model.peopleReached]
        #expect(tables.map(\.name) == ["report_kpi_changes", "report_funnel", "report_weekly",
                                       "report_campaign_type_summary", "report_cohort_acceptance", "report_people_reached"])
        for table in tables {
            let fixture = try #require(ReportFixture.views.first { $0.0 == table.name })
            #expect(table.columns.map(\.name) == fixture.1, "columns of \(table.name)")
            #expect(table.rows == fixture.2, "rows of \(table.name)")
        }
    }

    @Test func peopleReachedCountsEachPersonOnce() throws {
        let section = try element("report_people_reached", in: document())
        let intro = section.children.first { $0.name == "p" && $0.text.contains("people were reached") }?.text ?? ""
        #expect(intro.hasPrefix("7 people were reached"), "\(intro)")
        #expect(intro.contains("2 of them through more than one source"))
    }

    @Test func kpiCardsShowTheChangeFromThePreviousWeek() throws {
        let cards = try element("kpis", in: document()).children
        let deltas = cards.map { card in card.children.first { classes($0).contains("delta") } }
        #expect(deltas.map { $0?.text } == [
            "▲ +2 vs previous week", "▼ −2 vs previous week", "▼ −35.0 pp vs previous week", "± 0 vs previous week",
            "n/a vs previous week", "n/a vs previous week", nil, nil, nil, nil,
        ])
        #expect(deltas.prefix(6).map { $0.map(classes) ?? [] } == [
            ["delta", "up"], ["delta", "down"], ["delta", "down"], ["delta", "flat"], ["delta", "unknown"], ["delta", "unknown"],
        ])
        #expect(deltas[2]?.attributes["title"] == "Last complete ISO week: 40.0%; the week before: 75.0%")
        // The value stays the card's figure.
        #expect(cards[0].children.first { $0.attributes["class"] == "value" }?.text == "19")
    }

    @Test func noWeeklyComparisonNoDeltas() throws {
        let document = try document(ReportFixture.model(replacing: ["report_kpi_changes": []]))
        #expect(!document.all.contains { classes($0).contains("delta") })
    }

    @Test func funnelTotalsEveryCampaign() throws {
        let section = try element("funnel", in: document())
        #expect(section.name == "section")
        let chart = try #require(section.all(named: "svg").first)
        #expect(chart.attributes["role"] == "img")
        let label = try #require(chart.attributes["aria-label"])
        #expect(label == "Funnel over all campaigns: Members 40, Requests sent 8 (20.0% of members), "
            + "Accepted 5 (62.5% of requests sent), Messaged 13, Replied 11 (84.6% of messaged)")
        #expect(chart.children.first { $0.name == "title" }?.text == label)
        let bars = chart.all(named: "g").filter { $0.attributes["class"] == "bar" }
        #expect(bars.map { $0.all(named: "text").first?.text } == ["Members", "Requests sent", "Accepted", "Messaged", "Replied"])
        let widths = bars.map { Double($0.all(named: "rect").first?.attributes["width"] ?? "") ?? .nan }
        #expect(abs(widths[4] / widths[0] - 11.0 / 40) < 0.001)
        #expect(chart.all(named: "g").contains { $0.attributes["class"] == "axis" })
    }

    @Test func aStepNoCampaignReportsIsNotAvailable() throws {
        let campaign = try RenderedSite(ReportFixture.model()).document(PageName.campaign(source: "beta", id: "c2"))
        let chart = try #require(try element("funnel", in: campaign).all(named: "svg").first)
        #expect(chart.attributes["aria-label"] == "Funnel of this campaign: Members n/a, Requests sent 0, Accepted n/a, "
            + "Messaged 3, Replied 1 (33.3% of messaged)")
        let bars = chart.all(named: "g").filter { $0.attributes["class"] == "bar" }
        #expect(bars.map { $0.all(named: "rect").count } == [0, 1, 0, 1, 1])
    }

    @Test func acceptanceRateBarsPerSenderWithATextAlternative() throws {
        let section = try element("acceptance", in: document())
        let chart = try #require(section.all(named: "svg").first)
        let label = try #require(chart.attributes["aria-label"])
        #expect(label.hasPrefix("Acceptance rate per sender: \(ReportFixture.formulaName) 62.5%, +SUM(1) n/a, "))
        #expect(label.contains("Zoë 李雷 75.0%"))
        let bars = chart.all(named: "g").filter { $0.attributes["class"] == "bar" }
        #expect(bars.count == ReportFixture.rows(of: "report_sender_summary").count)
        #expect(bars[0].children.first?.text == "\(ReportFixture.formulaName): 62.5% (5 of 8 requests accepted)")
        #expect(bars[1].all(named: "rect").isEmpty)
        #expect(bars[1].all(named: "text").last?.text == "n/a")
        let full = try #require(Double(bars[4].all(named: "rect").first?.attributes["width"] ?? ""))
        let s1 = try #require(Double(bars[0].all(named: "rect").first?.attributes["width"] ?? ""))
        #expect(abs(s1 / full - 0.625) < 0.001)
        let ticks = chart.all(named: "g").first { $0.attributes["class"] == "axis" }?.all(named: "text").map(\.text)
        #expect(ticks == ["0%", "50%", "100%"])
    }

    @Test func weeklyCampaignTypesAndCohortsAreSections() throws {
        let document = try document()
        for (id, rows) in [("report_weekly", 2), ("report_campaign_type_summary", 2)] {
            let section = try element(id, in: document)
            #expect(section.all(named: "tbody").first?.children.count == rows, "\(id)")
        }
        #expect(try element("report_cohort_acceptance", in: document).text.contains("No per-invitation outcomes yet"))
        let cohorts: [[CellValue]] = [[.text("acme"), .text("2024-W18"), .integer(8), .integer(5), .integer(2), .real(0.625)]]
        let withCohorts = try self.document(ReportFixture.model(replacing: ["report_cohort_acceptance": cohorts]))
        let section = try element("report_cohort_acceptance", in: withCohorts)
        #expect(section.all(named: "td").map(\.text) == ["acme", "2024-W18", "8", "5", "2", "62.5%"])
        #expect(section.text.contains("still pending"))
    }

    @Test func warningsAreMarkedBesideTheFiguresTheyConcern() throws {
        let senderWarning: [CellValue] = [.text("acme"), .text("sender"), .text("s3"), .text("\"quoted, comma\""),
                                          .text("replied_gt_sent"), .text("replied 5 > sent 4 <sic>")]
        let model = ReportFixture.model(replacing: [
            "report_quality_warnings": ReportFixture.rows(of: "report_quality_warnings") + [senderWarning],
        ])
        let document = try document(model)
        let campaigns = try element("report_campaign_summary", in: document)
        let marked = campaigns.all(named: "tr").filter { $0.attributes["class"] == "warned" }
        #expect(marked.count == 1)
        let marker = try #require(marked.first?.all(named: "span").first { $0.attributes["class"] == "warn" })
        #expect(marker.attributes["title"] == "1 data-quality warning: rate_mismatch: vendor says 70.0%, counts give 62.5%")
        #expect(marker.attributes["aria-label"] == marker.attributes["title"])
        let senders = try element("report_sender_summary", in: document)
        let warnedSender = senders.all(named: "tr").filter { $0.attributes["class"] == "warned" }
        #expect(warnedSender.count == 1)
        #expect(warnedSender.first?.all(named: "td")[1].text == "s3")
        let page = try RenderedSite(model).document(PageName.sender(source: "acme", id: "s3"))
        #expect(try element("warnings", in: page).text.contains("replied_gt_sent: replied 5 > sent 4 <sic>"))
        let clean = try RenderedSite(model).document(PageName.sender(source: "acme", id: "s1"))
        #expect(try element("warnings", in: clean).text.contains("No warnings"))
    }

    @Test func tablesAreSortableWithRawValuesAndWorkWithoutScript() throws {
        let document = try document()
        let senders = try element("report_sender_summary", in: document)
        let table = try #require(senders.all(named: "table").first)
        #expect(table.attributes["class"] == "sortable")
        #expect(table.all(named: "th").allSatisfy { $0.attributes["aria-sort"] == nil })
        let first = try #require(table.all(named: "tbody").first?.children.first)
        let sortKeys = first.children.map { $0.attributes["data-sort"] }
        #expect(sortKeys == [nil, nil, nil, "8", "5", "0.625", "10", "10", "1"])
        let script = try #require(document.elements(named: "script").first).text
        for needed in ["aria-sort", "data-error", "window.onerror", "dataset.ready = \"1\"", "#sort="] {
            #expect(script.contains(needed), "the script lacks \(needed)")
        }
        #expect(!script.contains("]]>"))
    }

    @Test func provenanceFooterNamesEachSourceAndTheWarnings() throws {
        let footer = try element("provenance", in: document())
        #expect(footer.name == "footer")
        #expect(footer.all(named: "time").first?.text == "2024-05-01T10:00:00Z")
        let rows = footer.all(named: "tbody").first?.children.map { $0.children.map(\.text) }
        #expect(rows == [
            ["acme", "konnector", "ok", "2024-05-01T09:55:00Z", ""],
            ["beta <prod>", "weconnect", "failed (stale)", "2024-04-30T06:00:00Z", "GET /api/v1/campaigns: HTTP 503 & \"retry later\""],
        ])
        #expect(footer.text.contains("1 data-quality warning"))
    }

    @Test func stylesCoverDarkModePrintAndPhones() throws {
        let style = HTMLRenderer.style
        #expect(style.contains("@media (prefers-color-scheme:dark)"))
        #expect(style.contains("@media print{nav"))
        #expect(style.contains("@media (max-width:640px)"))
        #expect(style.contains(".scroll{overflow-x:auto"))
        #expect(style.contains("flex-wrap:wrap"))
        #expect(!style.contains("<") && !style.contains("&"))
    }
}
