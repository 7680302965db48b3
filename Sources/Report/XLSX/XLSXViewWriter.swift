/// Writes one view onto its sheets, row by row from a cursor: the header, the rows in order, an Excel table over
/// them (or, on a constant-memory sheet, which cannot hold a table, an autofilter), data bars on every rate column,
/// a frozen header and widths fitted to the text; past `rowsPerSheet` rows it continues on the next sheet.
///
/// Whether a sheet streams is decided by its first rows: up to `constantMemoryRows + 1` of them are held. When the
/// view ends before that, the sheet is a normal one (libxlsxwriter keeps its cells until the file is assembled) with
/// a table; otherwise it is opened in constant-memory mode, the held rows are written, and every further row is
/// written as it is read. So a sheet is a table exactly when it has at most `constantMemoryRows` rows, and never
/// more than `constantMemoryRows + 1` rows are in memory at once.
struct XLSXViewWriter {
    let cells: XLSXCellWriter
    let rowsPerSheet: Int
    let constantMemoryRows: Int

    /// The most rows held before a sheet's mode is chosen.
    var heldRows: Int { min(rowsPerSheet, constantMemoryRows + 1) }

    /// Writes the rows of `cursor` (the view `view`) on a sheet named `sheetName`, continued on `sheetName (2)`…;
    /// returns the sheets written, at least one.
    func write(
        _ cursor: ReportCursor, view: String, sheetName: String, in workbook: XLSXWorkbook, tableNames: inout XLSXTableNames
    ) throws -> [XLSXSheetPart] {
        var parts: [XLSXSheetPart] = []
        var held: [[CellValue]] = []
        held.reserveCapacity(min(heldRows, 4096))
        var full = true
        while full {
            held.removeAll(keepingCapacity: true)
            while held.count < heldRows, let row = try cursor.next() { held.append(row) }
            if held.isEmpty, !parts.isEmpty { break }
            let number = parts.count + 1
            let sheet = try workbook.addSheet(
                named: XLSXSheetPart.name(base: sheetName, number: number), constantMemory: held.count > constantMemoryRows)
            let count = try write(held, then: cursor, columns: cursor.columns, to: sheet,
                                  tableName: tableNames.unique(for: view))
            let first = parts.last?.rows.upperBound ?? 0
            parts.append(XLSXSheetPart(sheetName: sheet.name, rows: first..<(first + count), number: number))
            full = count == rowsPerSheet
        }
        return parts
    }

    /// Writes one sheet: `held` rows, then, on a constant-memory sheet, the rows of `cursor` until the sheet is full;
    /// returns the data rows written.
    private func write(
        _ held: [[CellValue]], then cursor: ReportCursor, columns: [ReportColumn], to sheet: XLSXSheet, tableName: String
    ) throws -> Int {
        var count = 0
        var widths = XLSXColumnWidths(columns: columns)
        func write(_ row: [CellValue]) throws {
            count += 1
            widths.add(row)
            guard !columns.isEmpty else { return }
            try cells.writeRow(row, columns: columns, to: sheet, row: count)
        }
        if !columns.isEmpty {
            try sheet.freezeRows(1)
            try cells.writeHeader(columns, to: sheet, row: 0)
        }
        for row in held { try write(row) }
        if sheet.isConstantMemory {
            while count < rowsPerSheet, let row = try cursor.next() { try write(row) }
        }
        guard !columns.isEmpty else { return count }
        for (index, width) in widths.widths.enumerated() {
            try sheet.setWidth(width, column: index)
        }
        let lastColumn = columns.count - 1
        if sheet.isConstantMemory {
            try sheet.autofilter(lastRow: count, lastColumn: lastColumn)
        } else {
            // The table brings its own autofilter; a second one on the same range makes Excel repair the file.
            try sheet.addTable(named: tableName, headers: columns.map(\.name), lastRow: count, headerFormat: cells.styles.header)
        }
        guard count > 0 else { return count }
        for (index, column) in columns.enumerated() where column.kind == .rate {
            try sheet.addRateBars(column: index, rows: 1...count)
        }
        return count
    }
}
