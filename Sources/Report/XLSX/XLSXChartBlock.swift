import CXLSXWriter

/// The data behind one Summary chart: a block of cells (a bold title, a header, the rows) that the chart's series
/// reference, since an Excel chart draws cells, not values.
struct XLSXChartBlock {
    enum Kind {
        /// A line per count over the days.
        case dailyTrend
        /// A column per sender, its acceptance rate.
        case acceptanceBySender
        /// A column per follow-up step, the genuine reply rate after it.
        case followUpSteps
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

    /// The genuine reply rate after each follow-up step (report_follow_up_step_totals), or nil without steps.
    static func followUpSteps(_ table: ReportTable) -> XLSXChartBlock? {
        guard !table.rows.isEmpty, table.hasColumn("step"), table.hasColumn("reply_rate") else { return nil }
        let rows = table.rows.indices.map { row -> [CellValue] in
            [.text("Step \(table.value("step", row: row).plainText)"), table.value("conversations_reaching_step", row: row),
             table.value("reply_rate", row: row)]
        }
        return XLSXChartBlock(kind: .followUpSteps, title: "Genuine reply rate by follow-up step",
                              columns: [ReportColumn(name: "step", kind: .text), ReportColumn(name: "conversations_reaching_step"),
                                        ReportColumn(name: "reply_rate")],
                              rows: rows)
    }

    /// Each sender's acceptance rate, named by `sender_name` (else `sender_id`), gathered row by row while
    /// report_sender_summary is written; senders without a rate are left out.
    struct SenderRates {
        private let rate: Int?, name: Int?, id: Int?
        private(set) var rows: [[CellValue]] = []

        /// Rates read from rows of a view with `columns`; none when it has no `acceptance_rate`.
        init(columns: [ReportColumn]) {
            func index(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
            rate = index("acceptance_rate")
            name = index("sender_name")
            id = index("sender_id")
        }

        mutating func add(_ row: [CellValue]) {
            func value(_ index: Int?) -> CellValue {
                guard let index, row.indices.contains(index) else { return .null }
                return row[index]
            }
            let rate = value(self.rate)
            guard rate.number != nil else { return }
            let name = value(self.name).plainText
            rows.append([.text(name.isEmpty ? value(id).plainText : name), rate])
        }

        /// The chart block, or nil when no sender has a rate.
        var block: XLSXChartBlock? {
            guard !rows.isEmpty else { return nil }
            return XLSXChartBlock(
                kind: .acceptanceBySender, title: "Acceptance rate by sender",
                columns: [ReportColumn(name: "sender", kind: .text), ReportColumn(name: "acceptance_rate")], rows: rows)
        }
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
        case .followUpSteps:
            chart = try workbook.addChart(LXW_CHART_COLUMN)
            try chart.setTitle("Genuine reply rate by follow-up step")
            try chart.setAxisTitles(x: "Step", y: "Reply rate")
            try chart.setValueFormat("0%")
            try chart.setLegend(LXW_CHART_LEGEND_NONE)
        }
        let categories = XLSXChart.Range(sheet: sheet, column: column, rows: dataRows)
        // The step chart draws the rate only; the conversations reaching each step stand beside it in the cells.
        for (index, series) in columns.enumerated().dropFirst()
        where series.kind.isNumeric && (kind != .followUpSteps || series.kind == .rate) {
            try chart.addSeries(
                categories: categories, values: XLSXChart.Range(sheet: sheet, column: column + index, rows: dataRows),
                nameCell: (headerRow, column + index))
        }
        return chart
    }
}
