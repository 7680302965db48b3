extension ReportTable {
    /// At most `limit` rows: every row, in the view's order, when they fit; otherwise the `limit` rows that rank
    /// first by `columns`, largest first (for dates and weeks, the latest), an unknown value last and ties in the
    /// view's order. With no `columns`, the first `limit` rows.
    func top(_ limit: Int, by columns: [String]) -> ReportTable {
        guard rows.count > limit else { return self }
        let indexes = columns.compactMap { column in self.columns.firstIndex { $0.name == column } }
        let ranked = rows.indices.sorted { left, right in
            for index in indexes {
                let order = Self.descending(rows[left][index], rows[right][index])
                if order != 0 { return order < 0 }
            }
            return left < right
        }
        return ReportTable(name: name, columns: self.columns, rows: ranked.prefix(max(limit, 0)).map { rows[$0] })
    }

    /// Negative when `left` comes first largest first, positive when `right` does, 0 for a tie: numbers by value
    /// before text by its characters, nulls last.
    private static func descending(_ left: CellValue, _ right: CellValue) -> Int {
        switch (left, right) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        default: break
        }
        if let a = left.number, let b = right.number { return a == b ? 0 : (a > b ? -1 : 1) }
        if left.number != nil { return 1 }
        if right.number != nil { return -1 }
        let a = left.plainText, b = right.plainText
        return a == b ? 0 : (a > b ? -1 : 1)
    }
}
