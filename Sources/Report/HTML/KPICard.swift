/// One headline figure as a card: its label, its value (n/a when unknown), an optional caption saying what it
/// means, an optional week-on-week delta and an optional data-quality marker.
struct KPICard {
    let label: String
    let value: String
    var caption: String?
    var delta: KPIDelta?
    var warnings: [QualityWarning] = []

    /// The card of `column` in row `row` of `table`, formatted by the column's kind.
    init(label: String, column: String, row: Int = 0, in table: ReportTable, caption: String? = nil) {
        let cell = table.value(column, row: row)
        self.label = label
        value = cell == .null ? "n/a" : cell.displayText(kind: ColumnKind(columnName: column))
        self.caption = caption
    }

    var html: String {
        var html = "<div class=\"card\"><div class=\"label\">\(label.htmlEscaped)</div>"
        html += "<div class=\"value\">\(value.htmlEscaped)</div>"
        html += delta?.html ?? ""
        if let caption {
            html += "<div class=\"caption\">\(caption.htmlEscaped)</div>"
        }
        if !warnings.isEmpty {
            html += "<div class=\"caption\">\(QualityWarning.marker(warnings)) see the warnings below</div>"
        }
        return html + "</div>"
    }

    /// The cards in a wrapping row.
    static func section(_ cards: [KPICard], id: String = "kpis") -> String {
        "<section id=\"\(id)\" class=\"cards\">" + cards.map(\.html).joined() + "</section>\n"
    }
}
