import Foundation
import Testing
@testable import Report

/// Every view sheet is an Excel table (small model): its part, range, columns, style; data bars on the rate columns;
/// every cell equal to the view.
@Suite struct XLSXTableTests {
    /// The sheets that render views: the sheet name and the view's table in the fixture model.
    private static func viewSheets(_ model: ReportModel) throws -> [(String, ReportTable)] {
        [(XLSXRenderer.replyTimeSheet, model.replyTimes)] + (try model.views.map { ($0.name, try model.table($0.name)) })
    }

    /// The table part a sheet links to, parsed, or nil.
    private func table(of sheet: XLSXSheetContents, in package: XLSXPackage) throws -> XMLTree? {
        guard let path = try sheet.linkedParts(in: package).first(where: { $0.hasPrefix("xl/tables/") }) else { return nil }
        return try XMLTree(try package.part(path) ?? "")
    }

    @Test func everyViewSheetIsATableOverItsHeaderAndRows() throws {
        let model = ReportFixture.model()
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            for (name, view) in try Self.viewSheets(model) {
                let sheet = try XLSXSheetContents(package, sheet: name)
                let table = try #require(try table(of: sheet, in: package), "\(name) has no table")
                let root = try #require(table.root)
                let lastColumn = XLSXExpected.column(view.columns.count - 1)
                let range = "A1:\(lastColumn)\(view.rows.count + 1)"
                #expect(root.attributes["ref"] == range, "\(name)")
                #expect(root.attributes["name"] == view.name, "\(name)")
                #expect(table.elements(named: "tableColumn").compactMap { $0.attributes["name"] } == view.columns.map(\.name))
                #expect(table.elements(named: "autoFilter").first?.attributes["ref"] == range, "\(name)")
                #expect(table.elements(named: "tableStyleInfo").first?.attributes["name"] == "TableStyleMedium9")
                // The table's filter is the only one: a sheet autofilter on the same range makes Excel repair the file.
                #expect(sheet.xml.elements(named: "autoFilter").isEmpty, "\(name)")
                #expect(sheet.xml.elements(named: "tablePart").count == 1, "\(name)")
            }
        }
    }

    @Test func everyCellOfEveryViewSheetEqualsTheView() throws {
        let model = ReportFixture.model()
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            for (name, view) in try Self.viewSheets(model) {
                let sheet = try XLSXSheetContents(package, sheet: name)
                let problems = XLSXWorkbookFixture.differences(sheet, columns: view.columns, rows: view.rows)
                #expect(problems.isEmpty, "\(problems.prefix(5))")
                #expect(sheet.rowCount == view.rows.count + 1)
            }
        }
    }

    @Test func ratesArePercentsAndDatesAreDatesInTheSheets() throws {
        try XLSXWorkbookFixture.withWorkbook { package throws in
            let senders = try XLSXSheetContents(package, sheet: "report_sender_summary")
            #expect(senders.values["F2"] == .number(0.625, format: "0.0%"))
            #expect(senders.values["I2"] == .number(1, format: "0.0%"))
            let daily = try XLSXSheetContents(package, sheet: "report_daily_activity")
            #expect(daily.values["A3"] == .number(45_414, format: "yyyy-mm-dd"))
            let threads = try XLSXSheetContents(package, sheet: "report_threads")
            guard case let .number(stamp, format)? = threads.values["F2"] else {
                Issue.record("F2 is not a number")
                return
            }
            #expect(format == "yyyy-mm-dd hh:mm:ss" && abs(stamp - (45_413 + 9.5 / 24)) < 1e-9)
        }
    }

    @Test func rateColumnsCarryDataBarsFromZeroToOne() throws {
        let model = ReportFixture.model()
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            for (name, view) in try Self.viewSheets(model) {
                let sheet = try XLSXSheetContents(package, sheet: name)
                // A range of one cell is written as that cell.
                let expected = Set(view.columns.enumerated().filter { $0.element.kind == .rate }.map { index, _ in
                    let column = XLSXExpected.column(index)
                    return view.rows.count == 1 ? "\(column)2" : "\(column)2:\(column)\(view.rows.count + 1)"
                })
                let barred = sheet.xml.elements(named: "conditionalFormatting").filter { formatting in
                    formatting.children.contains { rule in
                        rule.attributes["type"] == "dataBar" && rule.children.contains { $0.name == "dataBar" }
                    }
                }
                #expect(Set(barred.compactMap { $0.attributes["sqref"] }) == expected, "\(name)")
                for formatting in barred {
                    let bounds = formatting.children.flatMap(\.children).filter { $0.name == "dataBar" }
                        .flatMap(\.children).filter { $0.name == "cfvo" }
                    #expect(bounds.map { $0.attributes["type"] } == ["num", "num"])
                    #expect(bounds.map { $0.attributes["val"] } == ["0", "1"])
                }
            }
            // The campaign sheet has two rate columns: acceptance_rate (J) and response_rate (M).
            let campaigns = try XLSXSheetContents(package, sheet: "report_campaign_summary")
            #expect(campaigns.xml.elements(named: "dataBar").count == 2)
            let daily = try XLSXSheetContents(package, sheet: "report_daily_activity")
            #expect(daily.xml.elements(named: "dataBar").isEmpty)
        }
    }

    @Test func everyViewSheetHasAFrozenHeaderAndFittedWidths() throws {
        let model = ReportFixture.model()
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            for (name, view) in try Self.viewSheets(model) {
                let sheet = try XLSXSheetContents(package, sheet: name)
                let pane = try #require(sheet.xml.elements(named: "pane").first, "\(name)")
                #expect(pane.attributes["ySplit"] == "1" && pane.attributes["state"] == "frozen")
                let widths = sheet.xml.elements(named: "col").compactMap { Double($0.attributes["width"] ?? "") }
                let fitted = XLSXRenderer.widths(of: view)
                #expect(widths.count == fitted.count)
                for (width, fit) in zip(widths, fitted) {
                    #expect(abs(width - fit) < 1, "\(name)")
                }
            }
        }
    }

    @Test func anEmptyViewIsATableWithOneBlankRow() throws {
        let model = ReportFixture.model(replacing: ["report_threads": [], "report_reply_time": []])
        try XLSXWorkbookFixture.withWorkbook(model) { package throws in
            let sheet = try XLSXSheetContents(package, sheet: "report_threads")
            let table = try #require(try table(of: sheet, in: package))
            #expect(table.root?.attributes["ref"] == "A1:J2")
            #expect(Set(sheet.values.keys) == Set((0..<10).map { "\(XLSXExpected.column($0))1" }))
            #expect(sheet.xml.elements(named: "dataBar").isEmpty)
        }
    }

    @Test func tableNamesAreValidAndUnique() {
        var names = XLSXTableNames()
        #expect(names.unique(for: "report_threads") == "report_threads")
        #expect(names.unique(for: "report_threads") == "report_threads_2")
        #expect(names.unique(for: "REPORT_THREADS") == "REPORT_THREADS_3")
        #expect(names.unique(for: "t1") == "Table_t1")  // T1 is a cell
        #expect(names.unique(for: "Time to reply") == "Time_to_reply")
        #expect(names.unique(for: "1st view") == "Table_1st_view")
    }
}
