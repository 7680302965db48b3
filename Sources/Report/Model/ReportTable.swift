/// The rows of one reporting view, as read from the warehouse.
public struct ReportTable: Sendable {
    public let name: String
    public let columns: [ReportColumn]
    public let rows: [[CellValue]]

    public init(name: String, columns: [ReportColumn], rows: [[CellValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// The value in the column named `column` of row `row`, or null when either is missing.
    func value(_ column: String, row: Int) -> CellValue {
        guard let index = columns.firstIndex(where: { $0.name == column }),
              rows.indices.contains(row), rows[row].indices.contains(index)
        else { return .null }
        return rows[row][index]
    }
}
