extension ReportTable {
    /// The same view keeping only the rows for which `isIncluded` holds, given the row's index.
    func filtered(_ isIncluded: (Int) -> Bool) -> ReportTable {
        selecting(rows.indices.filter(isIncluded))
    }

    /// The same view with the rows at `indexes`, in that order.
    func selecting(_ indexes: [Int]) -> ReportTable {
        ReportTable(name: name, columns: columns, rows: indexes.filter(rows.indices.contains).map { rows[$0] })
    }

    /// Whether the view has a column named `name`.
    func hasColumn(_ name: String) -> Bool {
        columns.contains { $0.name == name }
    }
}
