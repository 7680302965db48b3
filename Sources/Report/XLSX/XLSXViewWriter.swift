/// Writes one sheet's share of a view: the header, the rows in order, an Excel table over them (or, on a
/// constant-memory sheet, which cannot hold a table, an autofilter), data bars on every rate column, a frozen header
/// and widths fitted to the text.
struct XLSXViewWriter {
    let cells: XLSXCellWriter

    func write(_ table: ReportTable, rows: Range<Int>, to sheet: XLSXSheet, tableName: String) throws {
        guard !table.columns.isEmpty else { return }
        let part = table.rows[rows]
        for (index, width) in XLSXColumnWidths.fit(columns: table.columns, rows: part).enumerated() {
            try sheet.setWidth(width, column: index)
        }
        try sheet.freezeRows(1)
        try cells.writeHeader(table.columns, to: sheet, row: 0)
        try cells.writeRows(part, columns: table.columns, to: sheet, firstRow: 1)
        let lastColumn = table.columns.count - 1
        if sheet.isConstantMemory {
            try sheet.autofilter(lastRow: part.count, lastColumn: lastColumn)
        } else {
            // The table brings its own autofilter; a second one on the same range makes Excel repair the file.
            try sheet.addTable(
                named: tableName, headers: table.columns.map(\.name), lastRow: part.count, headerFormat: cells.styles.header)
        }
        guard !part.isEmpty else { return }
        for (index, column) in table.columns.enumerated() where column.kind == .rate {
            try sheet.addRateBars(column: index, rows: 1...part.count)
        }
    }
}
