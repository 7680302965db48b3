import Foundation

/// The change of a headline figure from the week before to the last complete ISO week, shown under its KPI card:
/// ▲ or ▼ with the sign, coloured, and "vs previous week"; rates in percentage points.
struct KPIDelta {
    let change: Double?
    let thisWeek: Double?
    let lastWeek: Double?
    /// Whether the figure is a rate (a fraction), so the change is in fraction points.
    let isRate: Bool

    /// The row of report_kpi_changes for `figure`, or `nil` when the view has none.
    init?(figure: String, in changes: ReportTable) {
        guard let row = changes.rows.indices.first(where: { changes.value("figure", row: $0).plainText == figure }) else {
            return nil
        }
        change = changes.value("change", row: row).number
        thisWeek = changes.value("this_week", row: row).number
        lastWeek = changes.value("last_week", row: row).number
        isRate = figure.hasSuffix("_rate")
    }

    /// `up`, `down`, `flat` or `unknown`, for the colour.
    var direction: String {
        guard let change else { return "unknown" }
        return change > 0 ? "up" : change < 0 ? "down" : "flat"
    }

    /// Such as `▲ +12 vs previous week`, `▼ −3.5 pp vs previous week`, `n/a vs previous week`.
    var text: String {
        guard let change else { return "n/a vs previous week" }
        let arrow = change > 0 ? "▲ +" : change < 0 ? "▼ −" : "± "
        return arrow + magnitude(abs(change)) + " vs previous week"
    }

    /// The figures compared, for the title.
    var detail: String {
        let value = { (number: Double?) in number.map(self.value) ?? "n/a" }
        return "Last complete ISO week: \(value(thisWeek)); the week before: \(value(lastWeek))"
    }

    var html: String {
        "<div class=\"delta \(direction)\" title=\"\(detail.htmlEscaped)\">\(text.htmlEscaped)</div>"
    }

    private func magnitude(_ number: Double) -> String {
        isRate ? FixedDecimal.text(number * 100, decimals: 1) + " pp" : SVGText.count(number)
    }

    private func value(_ number: Double) -> String {
        isRate ? CellValue.percent(number) : SVGText.count(number)
    }
}
