/// A view's rows handed out one at a time, in order, from a warehouse cursor or from a table in memory; whoever
/// reads it holds only the row in hand.
struct ReportCursor {
    let columns: [ReportColumn]
    private let nextRow: () throws -> [CellValue]?

    /// Rows from `next`, which answers nil once they are all read (and keeps answering nil).
    init(columns: [ReportColumn], next: @escaping () throws -> [CellValue]?) {
        self.columns = columns
        nextRow = next
    }

    /// The rows of a table already in memory.
    init(_ table: ReportTable) {
        var index = 0
        self.init(columns: table.columns) {
            guard index < table.rows.count else { return nil }
            defer { index += 1 }
            return table.rows[index]
        }
    }

    /// The next row, or nil when every row was read.
    func next() throws -> [CellValue]? {
        try nextRow()
    }

    /// The same rows, each shown to `observe` as it is read.
    func tapped(_ observe: @escaping ([CellValue]) -> Void) -> ReportCursor {
        ReportCursor(columns: columns) { [nextRow] in
            let row = try nextRow()
            if let row { observe(row) }
            return row
        }
    }
}
