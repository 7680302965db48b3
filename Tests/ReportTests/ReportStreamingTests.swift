import Chronology
import CXLSXWriter
import Foundation
import Testing
@testable import Report

/// The CSV and XLSX writers write a view while its cursor is being read: no view is ever held whole.
@Suite struct ReportStreamingTests {
    /// A cursor of `count` rows made as they are asked for (none is kept), calling `reading` with each row's index
    /// before it is handed out.
    private func generated(_ count: Int, reading: @escaping (Int) -> Void) -> ReportCursor {
        let columns = ["date", "sender_name", "requests_sent", "acceptance_rate"].map { ReportColumn(name: $0) }
        var index = 0
        return ReportCursor(columns: columns) {
            guard index < count else { return nil }
            defer { index += 1 }
            reading(index)
            return [.text(CivilDate(dayNumber: 19_723 + index % 3_000).iso), .text("sender, \(index)"),
                    .integer(Int64(index)), .real(Double(index % 100) / 100)]
        }
    }

    @Test func theCSVFileGrowsWhileItsRowsAreStillBeingRead() throws {
        let count = 50_000
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("big.csv")
            var sizeAtLastRow: Int?
            let cursor = generated(count) { index in
                guard index == count - 1 else { return }
                sizeAtLastRow = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            }
            try CSVWriter().write(cursor, to: url)
            let final = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
            let before = try #require(sizeAtLastRow)
            // When the last row is read, all but the last chunk of the rows before it are already in the file.
            #expect(before > final - 2 * 64 * 1024, "\(before) of \(final) bytes written before the last row was read")
            let records = try CSVReader.records(String(decoding: Data(contentsOf: url), as: UTF8.self))
            #expect(records.count == count + 1)
            #expect(records.last?[1] == "sender, \(count - 1)")
        }
    }

    /// libxlsxwriter's highest row written so far on the workbook's last sheet (0 when only the header is).
    private func lastRowWritten(_ workbook: XLSXWorkbook) throws -> Int {
        var sheet = try workbook.open("inspect").pointee.worksheets.pointee.stqh_first
        while let next = sheet?.pointee.list_pointers.stqe_next { sheet = next }
        return Int(sheet?.pointee.dim_rowmax ?? 0)
    }

    @Test(arguments: [8, 0])
    func theWorkbookWritesEachRowBeforeReadingMoreThanItHolds(constantMemoryRows: Int) throws {
        let count = 1_000
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("big.xlsx")
            let workbook = try XLSXWorkbook(path: url.path)
            let writer = XLSXViewWriter(cells: XLSXCellWriter(styles: try XLSXStyles(workbook: workbook)),
                                        rowsPerSheet: 300, constantMemoryRows: constantMemoryRows)
            var ahead = 0
            let cursor = generated(count) { index in
                // Rows read before this one, less rows in the workbook (its row numbers restart on each sheet).
                let written = (try? lastRowWritten(workbook)) ?? 0
                ahead = max(ahead, index % 300 - written)
            }
            var names = XLSXTableNames()
            let parts = try writer.write(cursor, view: "report_daily_activity", sheetName: "report_daily_activity",
                                         in: workbook, tableNames: &names)
            try workbook.close()
            #expect(ahead <= writer.heldRows, "\(ahead) rows read ahead of the workbook; it holds \(writer.heldRows)")
            #expect(writer.heldRows == constantMemoryRows + 1)
            #expect(parts.map(\.rows) == [0..<300, 300..<600, 600..<900, 900..<1_000])
            let package = try XLSXPackage(url: url)
            let last = try XLSXSheetContents(package, sheet: "report_daily_activity (4)")
            #expect(last.rowCount == 101)
            #expect(last.kinds["B2"] == "inlineStr", "a sheet above the held rows is streamed")
            #expect(last.values["B101"] == .text("sender, 999"))
            #expect(last.xml.elements(named: "autoFilter").first?.attributes["ref"] == "A1:D101")
            // Widths are fitted to every row, set once the rows are written.
            let widths = last.xml.elements(named: "col").compactMap { Double($0.attributes["width"] ?? "") }
            #expect(widths.count == 4)
            #expect(abs((widths.first ?? 0) - 12) < 1, "\(widths)")
        }
    }
}
