/// Writes the Summary sheet: the KPI block (bold header, frozen, filtered), the notes on views continued on further
/// sheets, then native charts side by side (the daily trend, acceptance rate by sender, the genuine reply rate by
/// follow-up step) with, under them, the cells they draw, then the headline figures by period and each campaign's steps.
struct XLSXSummaryWriter {
    static let sheetName = "Summary"
    /// Rows left for the charts: libxlsxwriter's default chart is 480 × 288 pixels, about 15 rows of 20 pixels.
    static let chartRows = 16
    /// How far apart the charts start, in pixels: a chart's width and a gap.
    static let chartSpacing = 480 + 24

    let cells: XLSXCellWriter

    /// Fills `sheet` (added first, written last): the KPIs, `notes`, then the charts of the daily trend and of
    /// `senders` (the senders' rates, gathered while their sheet was written).
    func write(_ model: ReportModel, notes: [String], senders: XLSXChartBlock?, on sheet: XLSXSheet,
               in workbook: XLSXWorkbook) throws {
        let kpis = model.kpis
        var widths = XLSXColumnWidths.fit(columns: kpis.columns, rows: kpis.rows)
        var row = 0
        if !kpis.columns.isEmpty {
            try sheet.freezeRows(1)
            try sheet.autofilter(lastRow: kpis.rows.count, lastColumn: kpis.columns.count - 1)
            try cells.writeHeader(kpis.columns, to: sheet, row: 0)
            try cells.writeRows(kpis.rows, columns: kpis.columns, to: sheet, firstRow: 1)
            row = kpis.rows.count + 2
        }
        if !notes.isEmpty {
            try sheet.writeString("Notes", row: row, column: 0, format: cells.styles.header)
            for (index, note) in notes.enumerated() {
                try sheet.writeString(note, row: row + 1 + index, column: 0)
            }
            row += notes.count + 2
        }
        let blocks = [XLSXChartBlock.dailyTrend(model.dailyTrend), senders, XLSXChartBlock.followUpSteps(model.stepTotals)]
            .compactMap { $0 }
        let dataRow = row + Self.chartRows
        var column = 0
        for (index, block) in blocks.enumerated() {
            try sheet.writeString(block.title, row: dataRow, column: column, format: cells.styles.header)
            try cells.writeHeader(block.columns, to: sheet, row: dataRow + 1, column: column)
            try cells.writeRows(block.rows, columns: block.columns, to: sheet, firstRow: dataRow + 2, column: column)
            XLSXColumnWidths.merge(XLSXColumnWidths.fit(columns: block.columns, rows: block.rows), at: column, into: &widths)
            let chart = try block.chart(in: workbook, sheet: Self.sheetName, headerRow: dataRow + 1, column: column)
            try sheet.insert(chart, row: row, column: 0, xOffset: index * Self.chartSpacing)
            column += block.columns.count + 1
        }
        // Under the charts' cells: the headline figures by period, then each campaign's steps as the vendor reports them.
        var tableRow = dataRow + 2 + (blocks.map(\.rows.count).max() ?? 0) + 1
        for (title, table) in [("Headline figures by period", model.kpiPeriods), ("Campaign steps", model.campaignSteps)]
        where !table.columns.isEmpty && !table.rows.isEmpty {
            try sheet.writeString(title, row: tableRow, column: 0, format: cells.styles.header)
            try cells.writeHeader(table.columns, to: sheet, row: tableRow + 1)
            try cells.writeRows(table.rows, columns: table.columns, to: sheet, firstRow: tableRow + 2)
            XLSXColumnWidths.merge(XLSXColumnWidths.fit(columns: table.columns, rows: table.rows), at: 0, into: &widths)
            tableRow += table.rows.count + 3
        }
        for (index, width) in widths.enumerated() {
            try sheet.setWidth(width, column: index)
        }
    }
}
