/// Column widths, in characters, fitted to the longest header or cell text as a reader sees it.
enum XLSXColumnWidths {
    /// The narrowest and widest column.
    static let range = 8.0...60.0

    /// Per column: the longest of the header and the cells' display text, plus a margin of 2, clamped to `range`.
    static func fit<Rows: Collection<[CellValue]>>(columns: [ReportColumn], rows: Rows) -> [Double] {
        columns.enumerated().map { index, column in
            let longest = rows.reduce(column.name.count) { longest, row in
                guard row.indices.contains(index) else { return longest }
                return max(longest, row[index].displayText(kind: column.kind).count)
            }
            return min(max(Double(longest + 2), range.lowerBound), range.upperBound)
        }
    }

    /// Merges `widths` placed from column `offset` into `into`, keeping the wider of two widths of a column.
    static func merge(_ widths: [Double], at offset: Int, into result: inout [Double]) {
        for (index, width) in widths.enumerated() {
            let column = offset + index
            if column >= result.count { result += Array(repeating: range.lowerBound, count: column - result.count + 1) }
            result[column] = max(result[column], width)
        }
    }
}
