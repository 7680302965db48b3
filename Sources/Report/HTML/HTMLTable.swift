/// A reporting view as a sortable table: headers a script can sort by (a plain table without it), numeric
/// columns right-aligned with their raw value in `data-sort`, rates as percentages, nulls empty, some cells
/// linked to a page and a data-quality marker beside the figures a warning concerns.
struct HTMLTable {
    let table: ReportTable
    /// The href of a cell, by column name, given the row; `nil` for no link.
    var links: [String: (Int) -> String?] = [:]
    /// The column whose cells carry the data-quality marker.
    var markerColumn: String?
    /// The warnings about a row.
    var warnings: (Int) -> [QualityWarning] = { _ in [] }
    /// Headers to show instead of the column names, by column name.
    var headers: [String: String] = [:]

    init(_ table: ReportTable) {
        self.table = table
    }

    var html: String {
        let classes = table.columns.map { $0.kind.isNumeric ? " class=\"num\"" : "" }
        var html = "<div class=\"scroll\"><table class=\"sortable\"><thead><tr>"
        for (column, cls) in zip(table.columns, classes) {
            html += "<th scope=\"col\"\(cls)>\((headers[column.name] ?? column.name).htmlEscaped)</th>"
        }
        html += "</tr></thead><tbody>\n"
        for (index, row) in table.rows.enumerated() {
            let rowWarnings = markerColumn == nil ? [] : warnings(index)
            html += rowWarnings.isEmpty ? "<tr>" : "<tr class=\"warned\">"
            for ((value, column), cls) in zip(zip(row, table.columns), classes) {
                html += cell(value, column: column, cls: cls, row: index,
                             marker: column.name == markerColumn ? QualityWarning.marker(rowWarnings) : "")
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>"
    }

    private func cell(_ value: CellValue, column: ReportColumn, cls: String, row: Int, marker: String) -> String {
        let sort = column.kind.isNumeric ? value.number.map { " data-sort=\"\(SVGText.count($0))\"" } ?? "" : ""
        var text = value.displayText(kind: column.kind).htmlEscaped
        if let href = links[column.name]?(row), !text.isEmpty {
            text = "<a href=\"\(href.htmlEscaped)\">\(text)</a>"
        }
        return "<td\(cls)\(sort)>\(text)\(marker)</td>"
    }
}
