import Foundation

/// Renders the report model as one workbook: a Summary sheet (KPIs, charts), a Time to reply sheet, then one sheet
/// per contract view, named as the view, continued on `<view> (2)`… when it has more rows than a sheet holds. The
/// views are read row by row from the warehouse and written as they are read.
///
/// Memory: libxlsxwriter keeps every cell of a normal sheet in memory until the file is assembled (a cell, its
/// string and its tree node cost some hundred bytes), which is fine for a few thousand rows but not for a million.
/// Its constant-memory mode streams each row to a temporary file instead, so memory stays flat, but it refuses
/// Excel tables (`worksheet_add_table` answers `LXW_ERROR_FEATURE_NOT_SUPPORTED`). So the choice is made per sheet
/// (see `XLSXWorkbook` and `XLSXViewWriter`): a sheet with more than `constantMemoryRows` data rows is streamed and
/// gets a plain autofilter over its header and rows instead of a table; every other sheet is an Excel table. Both
/// get the same number formats, frozen header, data bars and fitted widths, and both write their rows in order.
/// The Summary sheet is a normal sheet: it is added first and filled last, once the views' sheets are written,
/// since its notes say which views continue on further sheets and its sender chart draws the rates read on the way.
struct XLSXRenderer {
    static let replyTimeSheet = "Time to reply"
    /// The view whose acceptance rates the Summary's second chart draws.
    static let sendersView = "report_sender_summary"

    /// Column widths, in characters, fitted to the longest cell text within these bounds.
    static let widthRange = XLSXColumnWidths.range
    /// The data rows an Excel sheet holds: 1,048,576 rows less the header.
    static let maxRowsPerSheet = XLSXSheet.maxRow
    /// Sheets with more data rows than this are written in constant-memory mode, without a table. A table is for a
    /// sheet a person scrolls; past ten thousand rows a sheet is read through its filter, and holding its cells until
    /// the file is assembled is most of the workbook's memory and slower than streaming them (`benchmarks/README.md`).
    static let defaultConstantMemoryRows = 10_000

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
        let summary = try workbook.addSheet(named: XLSXSummaryWriter.sheetName)
        let views = XLSXViewWriter(cells: cells, rowsPerSheet: rowsPerSheet, constantMemoryRows: constantMemoryRows)
        var tableNames = XLSXTableNames()
        var notes: [String] = []
        func wrote(_ parts: [XLSXSheetPart]) {
            let rows = parts.last?.rows.upperBound ?? 0
            if let note = XLSXSheetPart.continuationNote(of: parts, rowCount: rows, rowsPerSheet: rowsPerSheet) {
                notes.append(note)
            }
        }
        wrote(try views.write(ReportCursor(model.replyTimes), view: model.replyTimes.name, sheetName: Self.replyTimeSheet,
                              in: workbook, tableNames: &tableNames))
        var senders: XLSXChartBlock.SenderRates?
        try model.read { db in
            for view in model.views {
                var cursor = try view.cursor(in: db)
                if view.name == Self.sendersView {
                    senders = XLSXChartBlock.SenderRates(columns: view.columns)
                    cursor = cursor.tapped { senders?.add($0) }
                }
                wrote(try views.write(cursor, view: view.name, sheetName: view.name, in: workbook, tableNames: &tableNames))
            }
        }
        try XLSXSummaryWriter(cells: cells).write(model, notes: notes, senders: senders?.block, on: summary, in: workbook)
        try workbook.close()
    }

    /// Per column: the longest header or cell text plus a margin, clamped to `widthRange`.
    static func widths(of table: ReportTable) -> [Double] {
        XLSXColumnWidths.fit(columns: table.columns, rows: table.rows)
    }
}
