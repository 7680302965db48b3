/// Writes one view value into a cell: counts as numbers, rates as percentages, minutes with one decimal, dates and
/// timestamps as Excel dates, text always as a string (never a formula), nulls as blank cells.
struct XLSXCellWriter {
    let styles: XLSXStyles

    func write(_ value: CellValue, kind: ColumnKind, to sheet: XLSXSheet, row: Int, column: Int) throws {
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

    /// Writes `columns` as a bold header in `row`, from `column` rightwards.
    func writeHeader(_ columns: [ReportColumn], to sheet: XLSXSheet, row: Int, column: Int = 0) throws {
        for (index, header) in columns.enumerated() {
            try sheet.writeString(header.name, row: row, column: column + index, format: styles.header)
        }
    }

    /// Writes `rows` from `firstRow` down, each from `column` rightwards, in order (as constant-memory mode requires).
    func writeRows<Rows: Collection<[CellValue]>>(
        _ rows: Rows, columns: [ReportColumn], to sheet: XLSXSheet, firstRow: Int, column: Int = 0
    ) throws {
        for (offset, row) in rows.enumerated() {
            try writeRow(row, columns: columns, to: sheet, row: firstRow + offset, column: column)
        }
    }

    /// Writes `values` in `row`, from `column` rightwards.
    func writeRow(_ values: [CellValue], columns: [ReportColumn], to sheet: XLSXSheet, row: Int, column: Int = 0) throws {
        for (index, (value, header)) in zip(values, columns).enumerated() {
            try write(value, kind: header.kind, to: sheet, row: row, column: column + index)
        }
    }
}
