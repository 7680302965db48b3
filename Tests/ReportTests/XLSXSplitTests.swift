import Chronology
import Foundation
import Testing
@testable import Report

/// A view longer than a sheet continues on `<view> (2)`…, each with the header, with a note on the Summary sheet;
/// nothing is cut. The rows per sheet are lowered so a test can split a small view.
@Suite struct XLSXSplitTests {
    private let view = "report_daily_activity"

    @Test func aLongViewContinuesOnNumberedSheetsWithTheHeaderAndEveryRow() throws {
        let model = XLSXWorkbookFixture.model(dailyRows: 25)
        let daily = try model.table(view)
        try XLSXWorkbookFixture.withWorkbook(model, renderer: XLSXRenderer(rowsPerSheet: 10)) { package throws in
            let names = try package.sheetNames()
            #expect(names == ["Summary", "Time to reply", "report_sender_summary", "report_campaign_summary",
                              view, "\(view) (2)", "\(view) (3)", "report_request_outcomes", "report_threads",
                              "report_replies", "report_reply_quality", "report_follow_up_steps", "report_send_time",
                              "report_campaign_steps", "report_pending_invitations", "report_sender_weekly_load",
                              "report_kpi_periods"])
            var seen = 0
            for (name, rows) in [(view, 0..<10), ("\(view) (2)", 10..<20), ("\(view) (3)", 20..<25)] {
                let sheet = try XLSXSheetContents(package, sheet: name)
                let problems = XLSXWorkbookFixture.differences(sheet, columns: daily.columns, rows: daily.rows[rows])
                #expect(problems.isEmpty, "\(problems.prefix(5))")
                #expect(sheet.rowCount == rows.count + 1, "\(name)")
                seen += rows.count
                // Each part is a table of its own, with the frozen header and the formats.
                let table = try #require(try sheet.linkedParts(in: package).first { $0.hasPrefix("xl/tables/") })
                #expect(try XMLTree(try package.part(table) ?? "").root?.attributes["ref"] == "A1:H\(rows.count + 1)")
                #expect(sheet.xml.elements(named: "pane").first?.attributes["state"] == "frozen")
            }
            #expect(seen == daily.rows.count)
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            let notes = summary.values.values.compactMap { value -> String? in
                guard case let .text(text) = value, text.contains("continues on") else { return nil }
                return text
            }
            #expect(notes == ["\(view) continues on \(view) (2), \(view) (3): 25 rows, at most 10 per sheet, "
                + "each sheet with the header row."])
            #expect(summary.values.values.contains(.text("Notes")))
        }
    }

    @Test func aViewThatFillsItsSheetsExactlyGetsNoEmptySheet() throws {
        let model = XLSXWorkbookFixture.model(dailyRows: 20)
        try XLSXWorkbookFixture.withWorkbook(model, renderer: XLSXRenderer(rowsPerSheet: 10)) { package throws in
            let names = try package.sheetNames()
            #expect(names.filter { $0.hasPrefix(view) } == [view, "\(view) (2)"])
            // Sender summary (9 rows) and the rest fit: no note for them, no extra sheet.
            #expect(!names.contains("report_sender_summary (2)"))
            #expect(try XLSXSheetContents(package, sheet: "\(view) (2)").rowCount == 11)
        }
    }

    @Test func noNoteWhenEveryViewFits() throws {
        try XLSXWorkbookFixture.withWorkbook { package throws in
            let summary = try XLSXSheetContents(package, sheet: "Summary")
            #expect(!summary.values.values.contains(.text("Notes")))
            #expect(try package.sheetNames().count == 2 + ReportModel.fileViews.count)
        }
    }

    @Test func sheetLimits() {
        // Excel's 1,048,576 rows per sheet include the header.
        #expect(XLSXRenderer.maxRowsPerSheet + 1 == 1_048_576)
        #expect(XLSXRenderer().rowsPerSheet == 1_048_575)
        #expect(XLSXRenderer(rowsPerSheet: 5_000_000).rowsPerSheet == 1_048_575)
    }

    @Test func longNamesAreShortenedSoTheSuffixFits() {
        let long = "report_campaign_type_summary_xx"  // 31 characters
        #expect(XLSXSheetPart.name(base: long, number: 1) == long)
        #expect(XLSXSheetPart.name(base: long, number: 2) == "report_campaign_type_summar (2)")
        #expect(XLSXSheetPart.name(base: long, number: 12) == "report_campaign_type_summa (12)")
        #expect(XLSXSheetPart.name(base: view, number: 2) == "\(view) (2)")
        for number in [2, 12, 123] {
            #expect(XLSXSheetPart.name(base: long, number: number).count == XLSXSheetPart.maxNameLength)
        }
    }

    @Test func aLongSheetNameStillSplitsIntoValidSheets() throws {
        let columns = ["date", "requests_sent"].map { ReportColumn(name: $0) }
        let long = "report_campaign_type_summary_xx"
        let rows: [[CellValue]] = (0..<5).map { [.text(CivilDate(dayNumber: 19_723 + $0).iso), .integer(Int64($0))] }
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("long.xlsx")
            let workbook = try XLSXWorkbook(path: url.path)
            let writer = XLSXViewWriter(cells: XLSXCellWriter(styles: try XLSXStyles(workbook: workbook)),
                                        rowsPerSheet: 2, constantMemoryRows: XLSXRenderer.defaultConstantMemoryRows)
            var names = XLSXTableNames()
            let table = ReportTable(name: long, columns: columns, rows: rows)
            let parts = try writer.write(ReportCursor(table), view: long, sheetName: long, in: workbook, tableNames: &names)
            try workbook.close()
            #expect(parts.map(\.rows) == [0..<2, 2..<4, 4..<5])
            let package = try XLSXPackage(url: url)
            #expect(try package.sheetNames() == [long, "report_campaign_type_summar (2)", "report_campaign_type_summar (3)"])
            let last = try XLSXSheetContents(package, sheet: "report_campaign_type_summar (3)")
            #expect(XLSXWorkbookFixture.differences(last, columns: columns, rows: rows[4...]).isEmpty)
        }
    }
}
