import Foundation
import Testing
@testable import Report

/// The Summary sheet's native charts: present, linked from the sheet's drawing, and drawing the model's figures.
@Suite struct XLSXChartTests {
    /// The cells a chart formula such as `Summary!$A$22:$A$24` names, top to bottom, on `sheet` (checked by name).
    private func cells(_ formula: String, on sheet: XLSXSheetContents) -> [XLSXSheetContents.Value?] {
        guard let bang = formula.lastIndex(of: "!") else { return [] }
        var sheetName = String(formula[..<bang])
        if sheetName.hasPrefix("'") { sheetName = String(sheetName.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        guard sheetName == sheet.name else { return [] }
        let ends = formula[formula.index(after: bang)...].replacingOccurrences(of: "$", with: "").split(separator: ":")
        guard let first = ends.first, let last = ends.last else { return [] }
        let column = String(first.prefix { $0.isLetter })
        guard column == String(last.prefix { $0.isLetter }),
              let top = Int(first.drop { $0.isLetter }), let bottom = Int(last.drop { $0.isLetter }), top <= bottom
        else { return [] }
        return (top...bottom).map { sheet.values["\(column)\($0)"] }
    }

    /// The formula (`c:f`) under the child `name` (c:tx, c:cat, c:val) of a series.
    private func formula(_ name: String, of series: XMLTree.Element) -> String? {
        func find(_ element: XMLTree.Element) -> XMLTree.Element? {
            element.name == "c:f" ? element : element.children.lazy.compactMap(find).first
        }
        return series.children.first { $0.name == name }.flatMap(find)?.text
    }

    private func chart(_ number: Int, in package: XLSXPackage) throws -> XMLTree {
        try XMLTree(try #require(try package.part("xl/charts/chart\(number).xml"), "chart\(number).xml is missing"))
    }

    @Test func summaryHoldsTheFiguresByPeriodAndTheCampaignSteps() throws {
        try XLSXWorkbookFixture.withWorkbook { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let texts = Set(summary.values.values.compactMap { value -> String? in
                if case let .text(text) = value { return text } else { return nil }
            })
            #expect(texts.isSuperset(of: ["Headline figures by period", "last_7_days", "all_time", "Campaign steps",
                                          "connection_request", "follow_up_message"]))
        }
    }

    @Test func summaryDrawingHoldsTheThreeCharts() throws {
        try XLSXWorkbookFixture.withWorkbook { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let drawing = try #require(try summary.linkedParts(in: package).first { $0.hasPrefix("xl/drawings/") })
            #expect(summary.xml.elements(named: "drawing").count == 1)
            let charts = try package.relationships(of: drawing).values.sorted()
            #expect(charts == ["../charts/chart1.xml", "../charts/chart2.xml", "../charts/chart3.xml"])
            #expect(try XMLTree(try package.part(drawing) ?? "").elements(named: "c:chart").count == 3)
            for number in [1, 2, 3] {
                #expect(try package.part("xl/charts/chart\(number).xml") != nil)
            }
            #expect(try package.part("xl/charts/chart4.xml") == nil)
            // No other sheet has a drawing.
            for name in [XLSXRenderer.replyTimeSheet] + ReportModel.fileViews {
                let sheet = try XLSXSheetContents(package, sheet: name)
                #expect(try !sheet.linkedParts(in: package).contains { $0.hasPrefix("xl/drawings/") }, "\(name)")
            }
        }
    }

    @Test func trendChartIsALinePerCountOverTheDays() throws {
        let model = ReportFixture.model()
        let trend = model.dailyTrend
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let chart = try chart(1, in: package)
            #expect(chart.elements(named: "c:lineChart").count == 1)
            #expect(chart.elements(named: "c:title").first?.text == "Daily activity")
            #expect(chart.elements(named: "c:catAx").first?.children.first { $0.name == "c:title" }?.text == "Date")
            #expect(chart.elements(named: "c:valAx").first?.children.first { $0.name == "c:title" }?.text == "Count")
            let series = chart.elements(named: "c:ser")
            #expect(series.count == trend.columns.count - 1)
            let dates = trend.rows.map { XLSXExpected.value($0[0], kind: .date) }
            for (index, line) in series.enumerated() {
                let column = trend.columns[index + 1]
                let name = try #require(formula("c:tx", of: line))
                #expect(cells(name, on: summary) == [.text(column.name)])
                let categories = try #require(formula("c:cat", of: line))
                #expect(cells(categories, on: summary) == dates)
                let values = try #require(formula("c:val", of: line))
                #expect(cells(values, on: summary) == trend.rows.map { XLSXExpected.value($0[index + 1], kind: column.kind) },
                        "\(column.name)")
            }
        }
    }

    @Test func acceptanceChartIsAColumnPerSenderWithARateOnAPercentAxis() throws {
        let model = ReportFixture.model()
        let senders = try model.table("report_sender_summary")
        let rated = senders.rows.filter { $0[5] != .null }
        #expect(rated.count == 7)  // s2 and s4 have no rate and no column
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let chart = try chart(2, in: package)
            #expect(chart.elements(named: "c:barChart").count == 1)
            #expect(chart.elements(named: "c:barDir").first?.attributes["val"] == "col")
            #expect(chart.elements(named: "c:title").first?.text == "Acceptance rate by sender")
            let valueAxis = try #require(chart.elements(named: "c:valAx").first)
            #expect(valueAxis.children.first { $0.name == "c:title" }?.text == "Acceptance rate")
            let format = try #require(valueAxis.children.first { $0.name == "c:numFmt" })
            #expect(format.attributes["formatCode"] == "0%")
            #expect(format.attributes["sourceLinked"] == "0")
            #expect(chart.elements(named: "c:min").first?.attributes["val"] == "0")
            #expect(chart.elements(named: "c:max").first?.attributes["val"] == "1")
            #expect(chart.elements(named: "c:catAx").first?.children.first { $0.name == "c:title" }?.text == "Sender")
            let series = chart.elements(named: "c:ser")
            #expect(series.count == 1)
            let line = try #require(series.first)
            #expect(cells(try #require(formula("c:tx", of: line)), on: summary) == [.text("acceptance_rate")])
            #expect(cells(try #require(formula("c:cat", of: line)), on: summary) == rated.map { .text($0[2].plainText) })
            #expect(cells(try #require(formula("c:val", of: line)), on: summary)
                == rated.map { XLSXExpected.value($0[5], kind: .rate) })
        }
    }

    @Test func stepChartIsAColumnPerStepWithItsGenuineReplyRate() throws {
        let model = ReportFixture.model()
        let steps = model.stepTotals
        #expect(steps.rows.count == 3)
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let chart = try chart(3, in: package)
            #expect(chart.elements(named: "c:barChart").count == 1)
            #expect(chart.elements(named: "c:title").first?.text == "Genuine reply rate by follow-up step")
            let series = chart.elements(named: "c:ser")
            #expect(series.count == 1)
            let line = try #require(series.first)
            #expect(cells(try #require(formula("c:tx", of: line)), on: summary) == [.text("reply_rate")])
            #expect(cells(try #require(formula("c:cat", of: line)), on: summary) == [.text("Step 1"), .text("Step 2"), .text("Step 3")])
            #expect(cells(try #require(formula("c:val", of: line)), on: summary)
                == steps.rows.map { XLSXExpected.value($0[3], kind: .rate) })
        }
    }

    @Test func theKPIBlockStaysOnTopAndTheChartDataIsVisibleUnderTheCharts() throws {
        let model = ReportFixture.model()
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let kpis = XLSXExpected.cells(columns: model.kpis.columns, rows: model.kpis.rows)
            for (reference, value) in kpis {
                #expect(XLSXExpected.same(summary.values[reference], value), "\(reference)")
            }
            // Nothing between the KPI block and the chart data, which the charts cover.
            let rows = Set(summary.values.keys.compactMap { Int($0.drop { $0.isLetter }) })
            let dataTitle = try #require(rows.filter { $0 > 2 }.min())
            #expect(dataTitle >= 2 + XLSXSummaryWriter.chartRows)
            #expect(summary.values["A\(dataTitle)"] == .text("Daily trend"))
            #expect(summary.values["G\(dataTitle)"] == .text("Acceptance rate by sender"))
        }
    }

    @Test func senderNamesFallBackToIdsAndNullRatesAreLeftOut() throws {
        let columns = ["source", "sender_id", "sender_name", "acceptance_rate"].map { ReportColumn(name: $0) }
        let table = ReportTable(name: "report_sender_summary", columns: columns, rows: [
            [.text("a"), .text("s1"), .null, .real(0.5)],
            [.text("a"), .text("s2"), .text("Ann"), .null],
            [.text("a"), .integer(7), .text(""), .integer(1)],
        ])
        var rates = XLSXChartBlock.SenderRates(columns: columns)
        table.rows.forEach { rates.add($0) }
        let block = try #require(rates.block)
        #expect(block.rows == [[.text("s1"), .real(0.5)], [.text("7"), .integer(1)]])
        var none = XLSXChartBlock.SenderRates(columns: columns)
        none.add(table.rows[1])
        #expect(none.block == nil)
        var noRateColumn = XLSXChartBlock.SenderRates(columns: Array(columns.prefix(3)))
        noRateColumn.add([.text("a"), .text("s1"), .text("Ann")])
        #expect(noRateColumn.block == nil)
    }

    @Test func noChartWithoutDataToDraw() throws {
        let senders = ReportFixture.rows(of: "report_sender_summary").map { row in
            row.enumerated().map { $0.offset == 5 ? CellValue.null : $0.element }
        }
        let noRates = ReportFixture.model(replacing: ["report_sender_summary": senders, "report_follow_up_step_totals": []])
        try XLSXWorkbookFixture.withWorkbook(noRates) { package throws in
            #expect(try chart(1, in: package).elements(named: "c:lineChart").count == 1)
            #expect(try package.part("xl/charts/chart2.xml") == nil)
        }
        let noSteps = ReportFixture.model(replacing: ["report_follow_up_step_totals": []])
        try XLSXWorkbookFixture.withWorkbook(noSteps) { package throws in
            #expect(try package.part("xl/charts/chart2.xml") != nil)
            #expect(try package.part("xl/charts/chart3.xml") == nil)
        }
        let nothing = ReportFixture.model(replacing: ["report_sender_summary": senders, "report_daily_trend": [],
                                                      "report_follow_up_step_totals": [], "report_campaign_steps": [],
                                                      "report_kpi_periods": []])
        try XLSXWorkbookFixture.withWorkbook(nothing) { package throws in
            #expect(try package.part("xl/charts/chart1.xml") == nil)
            #expect(try package.part("xl/drawings/drawing1.xml") == nil)
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            #expect(summary.rowCount == 2)
        }
    }
}
