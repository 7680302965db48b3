import CXLSXWriter

/// One worksheet of an open `XLSXWorkbook`; every call checks that the workbook is still open.
struct XLSXSheet {
    /// Excel's last row and column indexes (0-based).
    static let maxRow = 1_048_575
    static let maxColumn = 16_383
    /// Excel's longest string cell.
    static let maxStringLength = 32_767

    let workbook: XLSXWorkbook
    let name: String
    let pointer: UnsafeMutablePointer<lxw_worksheet>

    func writeString(_ text: String, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        let (row, column) = try cell(row, column)
        // A text of no more bytes than the limit has no more characters either; only a longer one is counted.
        let text = text.utf8.count > Self.maxStringLength && text.unicodeScalars.count > Self.maxStringLength
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(Self.maxStringLength))) : text
        try workbook.check(worksheet_write_string(pointer, row, column, text, format), "write \(name) text cell")
    }

    func writeNumber(_ number: Double, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        let (row, column) = try cell(row, column)
        try workbook.check(worksheet_write_number(pointer, row, column, number, format), "write \(name) number cell")
    }

    func writeDate(_ date: ISODateTime, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws {
        let (row, column) = try cell(row, column)
        var value = lxw_datetime(
            year: Int32(date.year), month: Int32(date.month), day: Int32(date.day),
            hour: Int32(date.hour), min: Int32(date.minute), sec: date.second)
        try workbook.check(worksheet_write_datetime(pointer, row, column, &value, format), "write \(name) date cell")
    }

    /// Freezes the first `rows` rows.
    func freezeRows(_ rows: Int) throws {
        _ = try workbook.open("freeze \(name) panes")
        worksheet_freeze_panes(pointer, lxw_row_t(rows), 0)
    }

    func autofilter(lastRow: Int, lastColumn: Int) throws {
        let (row, column) = try cell(lastRow, lastColumn)
        try workbook.check(worksheet_autofilter(pointer, 0, 0, row, column), "filter \(name)")
    }

    func setWidth(_ width: Double, column: Int) throws {
        let (_, column) = try cell(0, column)
        try workbook.check(worksheet_set_column(pointer, column, column, width, nil), "size \(name) column")
    }

    /// The cell address in libxlsxwriter's types, or an error past Excel's limits or once the workbook is closed.
    func cell(_ row: Int, _ column: Int) throws -> (lxw_row_t, lxw_col_t) {
        _ = try workbook.open("write \(name)")
        guard (0...Self.maxRow).contains(row), (0...Self.maxColumn).contains(column) else {
            throw ReportError.xlsx(
                path: workbook.path, operation: "write \(name)",
                message: "row \(row + 1), column \(column + 1) is beyond Excel's \(Self.maxRow + 1) rows and \(Self.maxColumn + 1) columns")
        }
        return (lxw_row_t(row), lxw_col_t(column))
    }
}
