/// One sheet's share of a view. Excel holds 1,048,576 rows per sheet, the header included, so a longer view
/// continues on `<name> (2)`, `<name> (3)`… each with the header again; nothing is cut.
struct XLSXSheetPart: Equatable {
    /// Excel's longest sheet name.
    static let maxNameLength = 31

    let sheetName: String
    /// The indexes of the view's rows on this sheet.
    let rows: Range<Int>
    /// 1 for the first sheet.
    let number: Int

    /// `base` for the first sheet, else `base (n)` with `base` shortened so the whole name fits Excel's 31 characters.
    static func name(base: String, number: Int) -> String {
        guard number > 1 else { return base }
        let suffix = " (\(number))"
        var base = Substring(base)
        while base.utf16.count + suffix.utf16.count > maxNameLength, !base.isEmpty {
            base = base.dropLast()
        }
        return base + suffix
    }

    /// The Summary line saying where a view split over `parts` continues, or nil when it fits one sheet.
    static func continuationNote(of parts: [XLSXSheetPart], rowCount: Int, rowsPerSheet: Int) -> String? {
        guard let first = parts.first, parts.count > 1 else { return nil }
        let rest = parts.dropFirst().map(\.sheetName).joined(separator: ", ")
        return "\(first.sheetName) continues on \(rest): \(rowCount) rows, at most \(rowsPerSheet) per sheet, "
            + "each sheet with the header row."
    }
}
