import Foundation
import Testing
@testable import Report

/// Sheets above the constant-memory threshold stream their rows (libxlsxwriter's constant-memory mode, which
/// cannot hold a table): they get an autofilter instead, and the same values, formats, frozen header and data bars.
@Suite struct XLSXLargeModelTests {
    private let view = "report_daily_activity"

    @Test func aBigSheetStreamsWithAnAutofilterAndTheSameValues() throws {
        let model = XLSXWorkbookFixture.model(dailyRows: 40)
        let daily = try model.table(view)
        // 40 daily rows and the 9 senders are above the threshold; the other views are not.
        try XLSXWorkbookFixture.withWorkbook(model, renderer: XLSXRenderer(constantMemoryRows: 8)) { package throws in
            let sheet = try XLSXSheetContents(package, sheet: view)
            let problems = XLSXWorkbookFixture.differences(sheet, columns: daily.columns, rows: daily.rows)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
            #expect(sheet.rowCount == 41)
            #expect(sheet.xml.elements(named: "autoFilter").first?.attributes["ref"] == "A1:H41")
            #expect(sheet.xml.elements(named: "tablePart").isEmpty)
            #expect(try !sheet.linkedParts(in: package).contains { $0.hasPrefix("xl/tables/") })
            #expect(sheet.xml.elements(named: "pane").first?.attributes["state"] == "frozen")
            // Constant-memory sheets write their strings inline instead of into the shared table.
            #expect(sheet.kinds["B2"] == "inlineStr")
            #expect(sheet.values["A2"] == .number(45_292, format: "yyyy-mm-dd"))  // 2024-01-01

            let senders = try XLSXSheetContents(package, sheet: "report_sender_summary")
            let rows = ReportFixture.rows(of: "report_sender_summary")
            let columns = try #require(model.views.first).columns
            #expect(XLSXWorkbookFixture.differences(senders, columns: columns, rows: rows).isEmpty)
            #expect(senders.xml.elements(named: "autoFilter").first?.attributes["ref"] == "A1:I10")
            #expect(Set(senders.xml.elements(named: "conditionalFormatting").compactMap { $0.attributes["sqref"] })
                == ["F2:F10", "I2:I10"])
            #expect(senders.values["F2"] == .number(0.625, format: "0.0%"))

            // A small view in the same workbook is still a table, with shared strings.
            let outcomes = try XLSXSheetContents(package, sheet: "report_request_outcomes")
            #expect(outcomes.xml.elements(named: "autoFilter").isEmpty)
            #expect(try outcomes.linkedParts(in: package).contains { $0.hasPrefix("xl/tables/") })
            #expect(outcomes.kinds["A2"] == "s")
        }
    }

    @Test func splitAndStreamedTogether() throws {
        let model = XLSXWorkbookFixture.model(dailyRows: 25)
        let daily = try model.table(view)
        let renderer = XLSXRenderer(rowsPerSheet: 10, constantMemoryRows: 9)
        try XLSXWorkbookFixture.withWorkbook(model, renderer: renderer) { package throws in
            for (name, rows, streamed) in [(view, 0..<10, true), ("\(view) (2)", 10..<20, true), ("\(view) (3)", 20..<25, false)] {
                let sheet = try XLSXSheetContents(package, sheet: name)
                #expect(XLSXWorkbookFixture.differences(sheet, columns: daily.columns, rows: daily.rows[rows]).isEmpty, "\(name)")
                #expect(sheet.xml.elements(named: "autoFilter").isEmpty == !streamed, "\(name)")
                #expect(try sheet.linkedParts(in: package).contains { $0.hasPrefix("xl/tables/") } == !streamed, "\(name)")
            }
        }
    }

    @Test func sheetsAreStreamedPerSheetNotPerWorkbook() throws {
        try withTemporaryDirectory { directory in
            let workbook = try XLSXWorkbook(path: directory.appendingPathComponent("modes.xlsx").path)
            let streamed = try workbook.addSheet(named: "big", constantMemory: true)
            let normal = try workbook.addSheet(named: "small")
            #expect(streamed.isConstantMemory && !normal.isConstantMemory)
            // A streamed sheet refuses a table: that is why big sheets get an autofilter.
            try streamed.writeString("h", row: 0, column: 0)
            try streamed.writeString("x", row: 1, column: 0)
            #expect(throws: ReportError.self) { try streamed.addTable(named: "t_1", headers: ["h"], lastRow: 1, headerFormat: nil) }
            // And its rows go in order: an earlier row cannot be written once a later one is.
            #expect(throws: ReportError.self) { try streamed.writeString("late", row: 0, column: 1) }
            try normal.writeString("x", row: 1, column: 0)
            try normal.writeString("early", row: 0, column: 1)
            try workbook.close()
        }
    }

    /// The threshold's mechanism is the tests above, at small thresholds; a workbook past the default one (10,001
    /// daily rows) took 2.7 s of the suite's CPU in a debug build to say the same.
    @Test func theRendererStreamsPastTheDefaultThresholdUnlessTold() {
        #expect(XLSXRenderer().constantMemoryRows == XLSXRenderer.defaultConstantMemoryRows)
        #expect(XLSXRenderer.defaultConstantMemoryRows == 10_000)
    }
}
