import Foundation
import Testing
@testable import Report

@Suite struct XLSXRendererTests {
    /// Sheet numbers in the written workbook: 1 is Summary, 2 Time to reply, then the views in contract order.
    private enum Sheet {
        static let summary = 1, replyTime = 2, senders = 3, campaigns = 4, daily = 5, outcomes = 6, threads = 7
    }

    /// Writes the fixture model (read for `formats`) as a workbook and runs `body` on it.
    private func withWorkbook<T>(
        formats: [ReportFormat] = ReportFormat.allCases, _ body: (XLSXPackage, Data) throws -> T
    ) throws -> T {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory, formats: formats)
            let url = directory.appendingPathComponent("report.xlsx")
            try XLSXRenderer().write(model, to: url)
            return try body(try XLSXPackage(url: url), try Data(contentsOf: url))
        }
    }

    /// The string a cell holds, whether inline or shared.
    private func string(in cell: XMLTree.Element, of package: XLSXPackage) throws -> String? {
        switch cell.attributes["t"] {
        case "inlineStr"?:
            return cell.text
        case "s"?:
            let shared = try XMLTree(try package.part("xl/sharedStrings.xml") ?? "").elements(named: "si")
            return Int(cell.children.first { $0.name == "v" }?.text ?? "").map { shared[$0].text }
        default:
            return nil
        }
    }

    private func number(_ cell: XMLTree.Element?) -> Double? {
        cell.flatMap { $0.children.first { $0.name == "v" } }.flatMap { Double($0.text) }
    }

    @Test func sheetsAreSummaryTimeToReplyThenTheViewsByName() throws {
        let names = try withWorkbook { package, _ in try package.sheetNames() }
        #expect(names == ["Summary", "Time to reply"] + ReportModel.fileViews)
    }

    @Test func documentPropertiesNameTheProduct() throws {
        let core = try withWorkbook { package, _ in try package.part("docProps/core.xml") } ?? ""
        #expect(core.contains("<dc:title>OutreachETL report</dc:title>"))
        #expect(core.contains("<dc:creator>OutreachETL</dc:creator>"))
        #expect(core.contains("<dc:subject>"))
        #expect(core.contains("2024-05-01T10:00:00Z"))
    }

    @Test func countsAreNumbersAndRatesArePercentNumbers() throws {
        try withWorkbook { package, _ in
            let cells = try package.cells(ofSheet: Sheet.senders)
            let count = try #require(cells["D2"])
            #expect(count.attributes["t"] == nil)
            #expect(number(count) == 8)
            #expect(!count.children.contains { $0.name == "f" })
            let rate = try #require(cells["F2"])
            #expect(rate.attributes["t"] == nil)
            #expect(number(rate) == 0.625)
            #expect(try package.style(Int(rate.attributes["s"] ?? "") ?? 0).format == "0.0%")
            #expect(try package.part("xl/styles.xml")?.contains("formatCode=\"0.0%\"") == true)
            let integerRate = try #require(cells["F6"])
            #expect(number(integerRate) == 1)
        }
    }

    @Test func timeToReplySheetHoldsMinutesAsNumbers() throws {
        try withWorkbook { package, _ in
            let cells = try package.cells(ofSheet: Sheet.replyTime)
            let headers = try ["A1", "B1", "C1", "D1", "E1"].map { try string(in: #require(cells[$0]), of: package) }
            #expect(headers == ["source", "sender_id", "replied_threads", "median_minutes", "p90_minutes"])
            #expect(try string(in: #require(cells["B2"]), of: package) == "s1")
            let threads = try #require(cells["C2"])
            #expect(threads.attributes["t"] == nil && number(threads) == 3)
            let expected: [String: Double] = ["D2": 45, "E2": 200.25, "D3": 3120, "E3": 3120, "D4": 59.5, "E4": 90]
            for (reference, minutes) in expected {
                let cell = try #require(cells[reference], "cell \(reference)")
                #expect(cell.attributes["t"] == nil, "type of \(reference)")
                #expect(number(cell) == minutes, "value of \(reference)")
                #expect(try package.style(Int(cell.attributes["s"] ?? "") ?? 0).format == "0.0", "format of \(reference)")
            }
            #expect(cells["A5"] == nil)
        }
    }

    @Test func summaryHoldsTheReplyMinutes() throws {
        try withWorkbook { package, _ in
            let cells = try package.cells(ofSheet: Sheet.summary)
            #expect(try string(in: #require(cells["G1"]), of: package) == "median_reply_minutes")
            #expect(try string(in: #require(cells["H1"]), of: package) == "p90_reply_minutes")
            for (reference, minutes) in [("G2", 200.25), ("H2", 3120.0)] {
                let cell = try #require(cells[reference])
                #expect(cell.attributes["t"] == nil)
                #expect(number(cell) == minutes)
                #expect(try package.style(Int(cell.attributes["s"] ?? "") ?? 0).format == "0.0")
            }
            let rate = try #require(cells["F2"])
            #expect(try package.style(Int(rate.attributes["s"] ?? "") ?? 0).format == "0.0%")
        }
    }

    @Test func datesAndTimestampsAreExcelDates() throws {
        try withWorkbook { package, _ in
            let date = try #require(try package.cells(ofSheet: Sheet.daily)["A2"])
            #expect(date.attributes["t"] == nil)
            #expect(number(date) == 45_413)  // 2024-05-01
            #expect(try package.style(Int(date.attributes["s"] ?? "") ?? 0).format == "yyyy-mm-dd")
            let threads = try package.cells(ofSheet: Sheet.threads)
            let stamp = try #require(threads["F2"])
            #expect(stamp.attributes["t"] == nil)
            #expect(abs((number(stamp) ?? 0) - (45_413 + 9.5 / 24)) < 1e-6)
            #expect(try package.style(Int(stamp.attributes["s"] ?? "") ?? 0).format == "yyyy-mm-dd hh:mm:ss")
            #expect(abs((number(threads["G3"]) ?? 0) - (45_414 + (10 * 3600 + 0.25) / 86_400)) < 1e-6)
        }
    }

    @Test func hostileTextStaysTextNeverAFormula() throws {
        try withWorkbook { package, _ in
            let cells = try package.cells(ofSheet: Sheet.senders)
            let expected = ["C2": ReportFixture.formulaName, "C3": "+SUM(1)", "C8": "-2+3", "C9": "@x", "C10": "=1+1",
                            "C4": "\"quoted, comma\"", "C5": "line one\nline two", "C6": "<script>alert(1)</script>",
                            "C7": "Zoë 李雷"]
            for (reference, text) in expected {
                let cell = try #require(cells[reference], "cell \(reference)")
                #expect(["inlineStr", "s"].contains(cell.attributes["t"]), "type of \(reference)")
                #expect(try string(in: cell, of: package) == text, "text of \(reference)")
            }
            for sheet in 1...7 {
                let xml = try package.part("xl/worksheets/sheet\(sheet).xml") ?? ""
                #expect(!xml.contains("<f>") && !xml.contains("<f "), "sheet \(sheet) has a formula")
            }
        }
    }

    @Test func idsStayTextAndNullsAreBlank() throws {
        try withWorkbook { package, _ in
            let threads = try package.cells(ofSheet: Sheet.threads)
            let id = try #require(threads["C2"])
            #expect(try string(in: id, of: package) == "123456789012345678901")
            #expect(threads["G2"] == nil)  // first_reply_at NULL
            let senders = try package.cells(ofSheet: Sheet.senders)
            #expect(senders["F3"] == nil)  // acceptance_rate NULL
            #expect(senders["E5"] == nil)  // requests_accepted NULL
        }
    }

    @Test func headerIsBoldFrozenAndFiltered() throws {
        try withWorkbook { package, _ in
            let header = try #require(try package.cells(ofSheet: Sheet.senders)["A1"])
            #expect(try string(in: header, of: package) == "source")
            #expect(try package.style(Int(header.attributes["s"] ?? "") ?? 0).bold)
            let sheet = try XMLTree(try package.part("xl/worksheets/sheet\(Sheet.senders).xml") ?? "")
            let pane = try #require(sheet.elements(named: "pane").first)
            #expect(pane.attributes["ySplit"] == "1")
            #expect(pane.attributes["state"] == "frozen")
            // The view is an Excel table, whose filter covers the header and rows; the sheet has no second filter.
            #expect(sheet.elements(named: "autoFilter").isEmpty)
            let table = try XMLTree(try package.part("xl/tables/table2.xml") ?? "")
            #expect(table.root?.attributes["name"] == "report_sender_summary")
            #expect(table.elements(named: "autoFilter").first?.attributes["ref"] == "A1:I10")
            let summary = try XMLTree(try package.part("xl/worksheets/sheet\(Sheet.summary).xml") ?? "")
            #expect(summary.elements(named: "autoFilter").first?.attributes["ref"] == "A1:J2")
        }
    }

    @Test func columnWidthsFitTheLongestTextWithinBounds() throws {
        try withWorkbook { package, _ in
            let sheet = try XMLTree(try package.part("xl/worksheets/sheet\(Sheet.senders).xml") ?? "")
            var widths: [String: Double] = [:]
            for col in sheet.elements(named: "col") {
                widths[col.attributes["min"] ?? ""] = Double(col.attributes["width"] ?? "")
            }
            #expect(widths.count == 9)
            // sender_name: "<script>alert(1)</script>" is 25 characters, plus a margin of 2.
            #expect(abs((widths["3"] ?? 0) - 27) < 1)
            // sender_id: the header (9 characters) is longer than any id.
            #expect(abs((widths["2"] ?? 0) - 11) < 1)
            // source: "source" (6) plus 2 is the minimum of 8.
            #expect(abs((widths["1"] ?? 0) - 8) < 1)
        }
    }

    @Test func widthsAreClamped() {
        let columns = [ReportColumn(name: "a"), ReportColumn(name: "long_text"), ReportColumn(name: "acceptance_rate")]
        let rows: [[CellValue]] = [[.text("x"), .text(String(repeating: "y", count: 200)), .real(0.5)]]
        #expect(XLSXRenderer.widths(of: ReportTable(name: "t", columns: columns, rows: rows)) == [8, 60, 17])
    }

    @Test func emptyViewsStillGetAHeaderRow() throws {
        let columns = Dictionary(uniqueKeysWithValues: ReportFixture.views.map { ($0.0, ["source", "sender_id"]) })
        let model = ReportFixture.model(columns: columns, sources: [])
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("empty.xlsx")
            try XLSXRenderer().write(model, to: url)
            let package = try XLSXPackage(url: url)
            #expect(try package.sheetNames().count == 2 + ReportModel.fileViews.count)
            for sheet in [Sheet.replyTime, Sheet.threads] {
                #expect(Set(try package.cells(ofSheet: sheet).keys) == ["A1", "B1"])
            }
        }
    }

    @Test func sameModelSameBytes() throws {
        let first = try withWorkbook { _, bytes in bytes }
        let second = try withWorkbook { _, bytes in bytes }
        #expect(first == second)
    }

    @Test func theWorkbookReadsOnlyTheSummariesItShows() throws {
        let alone = try withWorkbook(formats: [.xlsx]) { _, bytes in bytes }
        let withEverySummary = try withWorkbook { _, bytes in bytes }
        #expect(alone == withEverySummary, "a summary the workbook shows is missing from ReportModel.summaryViews(shownBy: .xlsx)")
        let withNone = try withWorkbook(formats: [.csv]) { _, bytes in bytes }
        #expect(withNone != withEverySummary, "the fixture's summaries show in the workbook")
    }

    @Test func workbookClosesExactlyOnce() throws {
        try withTemporaryDirectory { directory in
            let workbook = try XLSXWorkbook(path: directory.appendingPathComponent("once.xlsx").path)
            let sheet = try workbook.addSheet(named: "Sheet")
            try sheet.writeString("x", row: 0, column: 0)
            try workbook.close()
            #expect(FileManager.default.fileExists(atPath: workbook.path))
            #expect(throws: ReportError.self) { try workbook.close() }
            #expect(throws: ReportError.self) { try sheet.writeNumber(1, row: 1, column: 0) }
        }
    }

    @Test func stringsBeyondExcelsLimitAreCutNotRefused() throws {
        let long = String(repeating: "李", count: XLSXSheet.maxStringLength + 10)
        let views = ReportFixture.views.map(\.0)
        let model = ReportFixture.model(replacing: Dictionary(uniqueKeysWithValues: views.map { ($0, [[CellValue.text(long)]]) }),
                                        columns: Dictionary(uniqueKeysWithValues: views.map { ($0, ["detail"]) }), sources: [])
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("long.xlsx")
            try XLSXRenderer().write(model, to: url)
            let package = try XLSXPackage(url: url)
            let cell = try #require(try package.cells(ofSheet: 3)["A2"])
            #expect(try string(in: cell, of: package)?.count == XLSXSheet.maxStringLength)
        }
    }

    @Test func libxlsxwriterErrorsBecomeReportErrors() throws {
        try withTemporaryDirectory { directory in
            let workbook = try XLSXWorkbook(path: directory.appendingPathComponent("bad.xlsx").path)
            #expect(throws: ReportError.self) { try workbook.addSheet(named: "no/slashes[]") }
            let sheet = try workbook.addSheet(named: "ok")
            #expect(throws: ReportError.self) { try sheet.writeNumber(1, row: XLSXSheet.maxRow + 1, column: 0) }
            try workbook.close()
        }
        #expect {
            try XLSXRenderer().write(
                ReportFixture.model(),
                to: URL(fileURLWithPath: "/nonexistent-dir/report.xlsx"))
        } throws: { error in
            guard case .xlsx(_, let operation, _)? = error as? ReportError else { return false }
            return operation == "close"
        }
    }
}
