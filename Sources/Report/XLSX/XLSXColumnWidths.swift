/// Column widths, in characters, fitted to the longest header or cell text as a reader sees it.
struct XLSXColumnWidths {
    /// The narrowest and widest column.
    static let range = 8.0...60.0

    private let columns: [ReportColumn]
    /// Per column, the longest text seen so far, the header included.
    private var longest: [Int]

    /// Widths for `columns`, fitted to their headers until rows are added.
    init(columns: [ReportColumn]) {
        self.columns = columns
        longest = columns.map(\.name.count)
    }

    /// Widens the columns to fit `row`'s display text.
    mutating func add(_ row: [CellValue]) {
        for (index, column) in columns.enumerated() where row.indices.contains(index) {
            longest[index] = max(longest[index], row[index].displayText(kind: column.kind).count)
        }
    }

    /// Per column: the longest text plus a margin of 2, clamped to `range`.
    var widths: [Double] {
        longest.map { min(max(Double($0 + 2), Self.range.lowerBound), Self.range.upperBound) }
    }

    /// The widths of `columns` fitted to `rows`.
    static func fit<Rows: Collection<[CellValue]>>(columns: [ReportColumn], rows: Rows) -> [Double] {
        var fitted = XLSXColumnWidths(columns: columns)
        for row in rows { fitted.add(row) }
        return fitted.widths
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
