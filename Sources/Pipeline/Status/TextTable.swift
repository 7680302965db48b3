/// Rows of text in aligned columns, as `etl status` prints them: plain text, no colours, two
/// spaces between columns, numbers right-aligned, the last column never padded.
public struct TextTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]
    /// Indexes of the columns aligned to the right (counts).
    public var rightAligned: Set<Int>

    public init(columns: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The header and the rows, each line starting with `indent`; `clean` is applied to every cell
    /// before it is measured.
    public func render(indent: String = "  ", clean: (String) -> String = { $0 }) -> [String] {
        let cells = ([columns] + rows).map { row in
            (0..<columns.count).map { index in clean(index < row.count ? row[index] : "") }
        }
        let widths = (0..<columns.count).map { index in cells.map { $0[index].count }.max() ?? 0 }
        return cells.map { row in
            let padded = row.enumerated().map { index, cell -> String in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if rightAligned.contains(index) { return padding + cell }
                return index == row.count - 1 ? cell : cell + padding
            }
            return indent + String(padded.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
        }
    }
}
