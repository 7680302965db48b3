import Chronology
import Foundation
@testable import Report

/// Writes models as workbooks for the XLSX tests and compares sheets with the views they render.
enum XLSXWorkbookFixture {
    /// Writes `model` with `renderer` into a temporary folder and runs `body` on the file read back.
    static func withWorkbook<T>(
        _ model: ReportModel = ReportFixture.model(), renderer: XLSXRenderer = XLSXRenderer(),
        _ body: (XLSXPackage) throws -> T
    ) throws -> T {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("report.xlsx")
            try renderer.write(model, to: url)
            return try body(try XLSXPackage(url: url))
        }
    }

    /// The differences between `sheet` and the header plus `rows` of `columns` it should hold, one line each;
    /// empty when every cell (and no other) holds its value in its format.
    static func differences(
        _ sheet: XLSXSheetContents, columns: [ReportColumn], rows: some Collection<[CellValue]>
    ) -> [String] {
        let expected = XLSXExpected.cells(columns: columns, rows: rows)
        var problems: [String] = []
        for reference in Set(expected.keys).union(sheet.values.keys).sorted() {
            let want = expected[reference], got = sheet.values[reference]
            if !XLSXExpected.same(want, got) {
                problems.append("\(sheet.name)!\(reference): want \(want.map(\.description) ?? "blank"), got \(got.map(\.description) ?? "blank")")
            }
        }
        return problems
    }

    /// `count` daily activity rows, one per day from 2024-01-01, with every kind of value the view has.
    static func dailyRows(_ count: Int) -> [[CellValue]] {
        (0..<count).map { index in
            let day = CivilDate(dayNumber: 19_723 + index).iso  // 2024-01-01
            return [.text(day), .text(index % 3 == 0 ? "beta" : "acme"), .text("s\(index % 7)"),
                    index % 5 == 0 ? .null : .text("c\(index)"), .integer(Int64(index)),
                    index % 4 == 0 ? .null : .integer(Int64(index / 2)), .integer(Int64(index % 11)), .integer(1)]
        }
    }

    /// The fixture model with `count` daily activity rows.
    static func model(dailyRows count: Int) -> ReportModel {
        ReportFixture.model(replacing: ["report_daily_activity": dailyRows(count)])
    }
}
