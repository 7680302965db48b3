import Foundation

/// Renders the report model as one workbook: a Summary sheet with the KPIs, a Time to reply sheet, then one
/// sheet per contract view, named as the view.
struct XLSXRenderer {
    static let replyTimeSheet = "Time to reply"

    /// Column widths, in characters, fitted to the longest cell text within these bounds.
    static let widthRange = 8.0...60.0

    func write(_ model: ReportModel, to url: URL) throws {
        let workbook = try XLSXWorkbook(path: url.path)
        try workbook.setProperties(
            title: "OutreachETL report",
            subject: "Outreach activity per source, sender and campaign",
            creator: "OutreachETL",
            created: model.generatedAt)
        let styles = try XLSXStyles(workbook: workbook)
        try writeSheet(model.kpis, named: "Summary", in: workbook, styles: styles)
        try writeSheet(model.replyTimes, named: Self.replyTimeSheet, in: workbook, styles: styles)
        for view in model.views {
            try writeSheet(view, named: view.name, in: workbook, styles: styles)
        }
        try workbook.close()
    }

    /// Header row (bold, frozen, filtered), then every row in order, as constant-memory mode requires.
    private func writeSheet(_ table: ReportTable, named name: String, in workbook: XLSXWorkbook, styles: XLSXStyles) throws {
        let sheet = try workbook.addSheet(named: name)
        guard !table.columns.isEmpty else { return }
        for (index, width) in Self.widths(of: table).enumerated() {
            try sheet.setWidth(width, column: index)
        }
        try sheet.freezeRows(1)
        try sheet.autofilter(lastRow: table.rows.count, lastColumn: table.columns.count - 1)
        for (index, column) in table.columns.enumerated() {
            try sheet.writeString(column.name, row: 0, column: index, format: styles.header)
        }
        for (rowIndex, row) in table.rows.enumerated() {
            for (index, (value, column)) in zip(row, table.columns).enumerated() {
                try write(value, kind: column.kind, to: sheet, row: rowIndex + 1, column: index, styles: styles)
            }
        }
    }

    /// Counts as numbers, rates as percentages, minutes with one decimal, dates and timestamps as Excel dates, text always as a string.
    private func write(
        _ value: CellValue, kind: ColumnKind, to sheet: XLSXSheet, row: Int, column: Int, styles: XLSXStyles
    ) throws {
        switch (value, kind) {
        case (.null, _):
            return
        case let (.text(text), .date):
            if let date = ISODateTime(date: text) {
                try sheet.writeDate(date, row: row, column: column, format: styles.date)
            } else {
                try sheet.writeString(text, row: row, column: column)
            }
        case let (.text(text), .timestamp):
            if let stamp = ISODateTime(timestamp: text) {
                try sheet.writeDate(stamp, row: row, column: column, format: styles.timestamp)
            } else {
                try sheet.writeString(text, row: row, column: column)
            }
        case let (.text(text), _):
            try sheet.writeString(text, row: row, column: column)
        case (.integer, .text), (.real, .text):
            // Ids stay text so long vendor ids keep every digit.
            try sheet.writeString(value.plainText, row: row, column: column)
        case (.integer, _), (.real, _):
            guard let number = value.number else { return }
            try sheet.writeNumber(number, row: row, column: column, format: styles.number(kind))
        }
    }

    /// Per column: the longest header or cell text plus a margin, clamped to `widthRange`.
    static func widths(of table: ReportTable) -> [Double] {
        table.columns.enumerated().map { index, column in
            let longest = table.rows.reduce(column.name.count) { longest, row in
                guard row.indices.contains(index) else { return longest }
                return max(longest, row[index].displayText(kind: column.kind).count)
            }
            return min(max(Double(longest + 2), widthRange.lowerBound), widthRange.upperBound)
        }
    }
}
