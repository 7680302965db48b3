import CXLSXWriter

/// The data behind one Summary chart: a block of cells (a bold title, a header, the rows) that the chart's series
/// reference, since an Excel chart draws cells, not values.
struct XLSXChartBlock {
    enum Kind {
        /// A line per count over the days.
        case dailyTrend
        /// A column per sender, its acceptance rate.
        case acceptanceBySender
    }

    let kind: Kind
    let title: String
    let columns: [ReportColumn]
    let rows: [[CellValue]]

    /// The daily totals (date first, then the counts), or nil when there is no day or no count to draw.
    static func dailyTrend(_ table: ReportTable) -> XLSXChartBlock? {
        guard table.columns.first?.kind == .date, table.columns.dropFirst().contains(where: { $0.kind.isNumeric }),
              !table.rows.isEmpty
        else { return nil }
        return XLSXChartBlock(kind: .dailyTrend, title: "Daily trend", columns: table.columns, rows: table.rows)
    }

    /// Each sender's acceptance rate, named by `sender_name` (else `sender_id`); senders without a rate are left out,
    /// and nil when no sender has one.
    static func acceptanceBySender(_ senders: ReportTable?) -> XLSXChartBlock? {
        guard let senders, senders.columns.contains(where: { $0.name == "acceptance_rate" }) else { return nil }
        let rows: [[CellValue]] = senders.rows.indices.compactMap { index in
            let rate = senders.value("acceptance_rate", row: index)
            guard rate.number != nil else { return nil }
            let name = senders.value("sender_name", row: index).plainText
            let label = name.isEmpty ? senders.value("sender_id", row: index).plainText : name
            return [.text(label), rate]
        }
        guard !rows.isEmpty else { return nil }
        return XLSXChartBlock(
            kind: .acceptanceBySender, title: "Acceptance rate by sender",
            columns: [ReportColumn(name: "sender", kind: .text), ReportColumn(name: "acceptance_rate")], rows: rows)
    }

    /// The chart of this block, written at `headerRow` from `column` of the sheet `sheet`: categories in the block's
    /// first column, one series per numeric column, named by its header cell.
    func chart(in workbook: XLSXWorkbook, sheet: String, headerRow: Int, column: Int) throws -> XLSXChart {
        let dataRows = (headerRow + 1)...(headerRow + rows.count)
        let chart: XLSXChart
        switch kind {
        case .dailyTrend:
            chart = try workbook.addChart(LXW_CHART_LINE)
            try chart.setTitle("Daily activity")
            try chart.setAxisTitles(x: "Date", y: "Count")
            try chart.setCategoryFormat("yyyy-mm-dd")
            try chart.setLegend(LXW_CHART_LEGEND_BOTTOM)
        case .acceptanceBySender:
            chart = try workbook.addChart(LXW_CHART_COLUMN)
            try chart.setTitle("Acceptance rate by sender")
            try chart.setAxisTitles(x: "Sender", y: "Acceptance rate")
            try chart.setValueFormat("0%")
            try chart.setValueBounds(0...1)
            try chart.setLegend(LXW_CHART_LEGEND_NONE)
        }
        let categories = XLSXChart.Range(sheet: sheet, column: column, rows: dataRows)
        for (index, series) in columns.enumerated().dropFirst() where series.kind.isNumeric {
            try chart.addSeries(
                categories: categories, values: XLSXChart.Range(sheet: sheet, column: column + index, rows: dataRows),
                nameCell: (headerRow, column + index))
        }
        return chart
    }
}
