import Foundation

/// Renders the report model as one workbook: a Summary sheet (KPIs, charts), a Time to reply sheet, then one sheet
/// per contract view, named as the view, continued on `<view> (2)`… when it has more rows than a sheet holds.
///
/// Memory: libxlsxwriter keeps every cell of a normal sheet in memory until the file is assembled (a cell, its
/// string and its tree node cost some hundred bytes), which is fine for a few thousand rows but not for a million.
/// Its constant-memory mode streams each row to a temporary file instead, so memory stays flat, but it refuses
/// Excel tables (`worksheet_add_table` answers `LXW_ERROR_FEATURE_NOT_SUPPORTED`). So the choice is made per sheet
/// (see `XLSXWorkbook`): a sheet with more than `constantMemoryRows` data rows is streamed and gets a plain
/// autofilter over its header and rows instead of a table; every other sheet is an Excel table. Both get the same
/// number formats, frozen header, data bars and fitted widths, and both write their rows in order.
struct XLSXRenderer {
    static let replyTimeSheet = "Time to reply"

    /// Column widths, in characters, fitted to the longest cell text within these bounds.
    static let widthRange = XLSXColumnWidths.range
    /// The data rows an Excel sheet holds: 1,048,576 rows less the header.
    static let maxRowsPerSheet = XLSXSheet.maxRow
    /// Sheets with more data rows than this are written in constant-memory mode, without a table.
    static let defaultConstantMemoryRows = 50_000

    /// Data rows per sheet before a view continues on its next sheet.
    let rowsPerSheet: Int
    /// Sheets with more data rows than this stream their rows (constant memory) and use an autofilter, not a table.
    let constantMemoryRows: Int

    init(rowsPerSheet: Int = maxRowsPerSheet, constantMemoryRows: Int = defaultConstantMemoryRows) {
        self.rowsPerSheet = min(max(rowsPerSheet, 1), Self.maxRowsPerSheet)
        self.constantMemoryRows = max(constantMemoryRows, 0)
    }

    func write(_ model: ReportModel, to url: URL) throws {
        let workbook = try XLSXWorkbook(path: url.path)
        try workbook.setProperties(
            title: "OutreachETL report",
            subject: "Outreach activity per source, sender and campaign",
            creator: "OutreachETL",
            created: model.generatedAt)
        let cells = XLSXCellWriter(styles: try XLSXStyles(workbook: workbook))
        let tables = [(model.replyTimes, Self.replyTimeSheet)] + model.views.map { ($0, $0.name) }
        let plans = tables.map { table, name in
            (table, XLSXSheetPart.parts(rowCount: table.rows.count, sheetName: name, rowsPerSheet: rowsPerSheet))
        }
        let notes = plans.compactMap { table, parts in
            XLSXSheetPart.continuationNote(of: parts, rowCount: table.rows.count, rowsPerSheet: rowsPerSheet)
        }
        try XLSXSummaryWriter(cells: cells).write(model, notes: notes, in: workbook)
        let views = XLSXViewWriter(cells: cells)
        var tableNames = XLSXTableNames()
        for (table, parts) in plans {
            for part in parts {
                let sheet = try workbook.addSheet(
                    named: part.sheetName, constantMemory: part.rows.count > constantMemoryRows)
                try views.write(table, rows: part.rows, to: sheet, tableName: tableNames.unique(for: table.name))
            }
        }
        try workbook.close()
    }

    /// Per column: the longest header or cell text plus a margin, clamped to `widthRange`.
    static func widths(of table: ReportTable) -> [Double] {
        XLSXColumnWidths.fit(columns: table.columns, rows: table.rows)
    }
}
