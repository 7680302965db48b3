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
            // A text is only formatted and counted when it could be the longest yet: this runs for every cell.
            guard longest[index] < Self.widest, let bound = Self.lengthBound(row[index], kind: column.kind),
                  bound > longest[index] else { continue }
            longest[index] = max(longest[index], row[index].displayText(kind: column.kind).count)
        }
    }

    /// The longest text that still widens a column.
    private static let widest = Int(range.upperBound) - 2

    /// At least the length of `value`'s display text, cheaply; nil when the text is empty.
    private static func lengthBound(_ value: CellValue, kind: ColumnKind) -> Int? {
        switch (value, kind) {
        case (.null, _):
            return nil
        case let (.text(text), _):
            return text.utf8.count // never fewer bytes than characters
        case let (.integer(number), _) where kind != .rate && kind != .minutes:
            return digits(number.magnitude) + (number < 0 ? 1 : 0)
        case (_, .rate):
            // "%.1f%%" of the percentage: its whole digits (one more when it rounds up), ".d", "%" and a sign.
            guard let fraction = value.number else { return nil }
            let percent = abs(fraction * 100)
            guard percent < 1e15 else { return .max }
            return digits(UInt64(percent) + 1) + 3 + (fraction < 0 ? 1 : 0)
        default:
            return .max
        }
    }

    private static func digits(_ number: UInt64) -> Int {
        var count = 1, rest = number
        while rest >= 10 { rest /= 10; count += 1 }
        return count
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
