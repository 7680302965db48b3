/// An inline SVG funnel: one horizontal bar per step (members → requests sent → accepted → messaged → replied),
/// each labelled with its count and its share of the step before, with a count axis, a title and a text alternative.
struct FunnelChart {
    /// One step; `nil` when no campaign reports it.
    struct Step {
        let label: String
        let column: String
        let value: Double?
    }

    static let steps = [
        ("Members", "members"), ("Requests sent", "requests_sent"), ("Accepted", "requests_accepted"),
        ("Messaged", "messages_sent"), ("Replied", "messages_replied"),
    ]
    private static let width = 640.0, left = 112.0, right = 150.0, top = 30.0
    private static let barHeight = 24.0, gap = 10.0
    private static let plotWidth = width - left - right

    let title: String
    let steps: [Step]

    init(title: String, steps: [Step]) {
        self.title = title
        self.steps = steps
    }

    /// A campaign's sequence as a funnel: each step's sends, and after an invitation its acceptances, after a
    /// message its replies (`steps` holds report_campaign_steps rows of one campaign).
    init(title: String, campaignSteps steps: ReportTable) {
        var bars: [Step] = []
        for row in steps.rows.indices {
            let number = steps.value("step_number", row: row).plainText, type = steps.value("step_type", row: row).plainText
            bars.append(Step(label: SVGText.clipped("\(number). \(type.replacingOccurrences(of: "_", with: " "))", to: 16), column: "sent",
                             value: steps.value("sent", row: row).number))
            if let accepted = steps.value("accepted", row: row).number {
                bars.append(Step(label: "accepted", column: "accepted", value: accepted))
            }
            if let replied = steps.value("replied", row: row).number {
                bars.append(Step(label: "replied", column: "replied", value: replied))
            }
        }
        self.init(title: title, steps: bars)
    }

    /// The steps summed over every row of `table` (report_funnel, or report_campaign_summary with the same
    /// columns); a step no row reports stays unknown.
    init(title: String, rows table: ReportTable) {
        self.title = title
        steps = Self.steps.map { label, column in
            let known = table.rows.indices.compactMap { table.value(column, row: $0).number }
            return Step(label: label, column: column, value: known.isEmpty ? nil : known.reduce(0, +))
        }
    }

    /// Whether any step is known.
    var hasData: Bool { steps.contains { $0.value != nil } }

    /// The steps given as a share of the step before: those whose ratio metrics.md defines (acceptance and response
    /// rates) and requests over members. Messages also go to earlier connections, so "messaged" is not a share of
    /// "accepted".
    private static let shareOfPrevious: Set<String> = ["requests_sent", "requests_accepted", "messages_replied"]

    /// `527 (57.2% of requests sent)`, `n/a`.
    private func figure(_ index: Int) -> String {
        guard let value = steps[index].value else { return "n/a" }
        guard index > 0, Self.shareOfPrevious.contains(steps[index].column),
              let previous = steps[index - 1].value, previous > 0
        else { return SVGText.count(value) }
        return "\(SVGText.count(value)) (\(CellValue.percent(value / previous)) of \(steps[index - 1].label.lowercased()))"
    }

    /// The text alternative: every step with its figure.
    var label: String {
        "\(title): " + steps.indices.map { "\(steps[$0].label) \(figure($0))" }.joined(separator: ", ")
    }

    var svg: String {
        let bottom = Self.top + Double(steps.count) * (Self.barHeight + Self.gap)
        let height = bottom + 34
        var svg = SVGText.open(width: Self.width, height: height, label: label)
        svg += SVGText.text(title, x: 8, y: 16, anchor: "start", cssClass: "heading")
        let largest = max(steps.compactMap(\.value).max() ?? 0, 1)
        svg += CountAxis(left: Self.left, width: Self.plotWidth, top: Self.top - 4, bottom: bottom, largest: largest).svg
        for (index, step) in steps.enumerated() {
            let y = Self.top + Double(index) * (Self.barHeight + Self.gap)
            let middle = y + Self.barHeight / 2 + 4
            let text = figure(index)
            svg += "<g class=\"bar\"><title>\("\(step.label): \(text)".htmlEscaped)</title>"
            svg += SVGText.text(step.label, x: Self.left - 8, y: middle, anchor: "end")
            let width = Self.plotWidth * max(step.value ?? 0, 0) / largest
            if step.value != nil {
                svg += SVGText.rect(x: Self.left, y: y, width: width, height: Self.barHeight, fill: "#2563eb",
                                    title: "\(step.label): \(text)")
            }
            svg += SVGText.text(text, x: Self.left + width + 6, y: middle, anchor: "start", cssClass: "total")
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
