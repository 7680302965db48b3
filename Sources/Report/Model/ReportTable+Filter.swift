extension ReportTable {
    /// The same view keeping only the rows for which `isIncluded` holds, given the row's index.
    func filtered(_ isIncluded: (Int) -> Bool) -> ReportTable {
        ReportTable(name: name, columns: columns, rows: rows.indices.filter(isIncluded).map { rows[$0] })
    }

    /// The rows whose `source` column is `source` and whose `column` is `id`.
    func rows(source: String, _ column: String, _ id: String) -> ReportTable {
        filtered { value("source", row: $0).plainText == source && value(column, row: $0).plainText == id }
    }

    /// Whether the view has a column named `name`.
    func hasColumn(_ name: String) -> Bool {
        columns.contains { $0.name == name }
    }
}
