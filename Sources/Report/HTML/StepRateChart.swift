/// An inline SVG column chart of the genuine reply rate after each follow-up step, each column labelled with its
/// rate and the conversations that reached the step, with a text alternative listing every figure.
struct StepRateChart {
    /// One step: the conversations that reached it, the genuine replies it got and their rate.
    struct Step {
        let number: Int
        let reached: Double
        let replied: Double
        let rate: Double?
    }

    /// The most steps drawn; a longer sequence is in the table below the chart.
    static let limit = 20
    private static let width = 640.0, height = 240.0
    private static let left = 16.0, right = 16.0, top = 36.0, bottom = 44.0
    private static let plotWidth = width - left - right, plotHeight = height - top - bottom

    let title: String
    let steps: [Step]

    /// The steps of `table` (step, conversations_reaching_step, genuine_replies_after_step, reply_rate).
    init(title: String, table: ReportTable) {
        self.title = title
        steps = table.rows.indices.prefix(Self.limit).map { row in
            Step(number: Int(table.value("step", row: row).number ?? 0),
                 reached: table.value("conversations_reaching_step", row: row).number ?? 0,
                 replied: table.value("genuine_replies_after_step", row: row).number ?? 0,
                 rate: table.value("reply_rate", row: row).number)
        }
    }

    private func describe(_ step: Step) -> String {
        "step \(step.number): \(step.rate.map(CellValue.percent) ?? "n/a") "
            + "(\(SVGText.count(step.replied)) genuine replies of \(SVGText.counted(step.reached, "conversation")) reaching it)"
    }

    var svg: String {
        var svg = SVGText.open(width: Self.width, height: Self.height, label: "\(title): " + steps.map(describe).joined(separator: ", "))
        svg += SVGText.text(title, x: 8, y: 16, anchor: "start", cssClass: "heading")
        let baseline = Self.top + Self.plotHeight
        svg += "<g class=\"axis\"><line x1=\"\(SVGText.n(Self.left))\" y1=\"\(SVGText.n(baseline))\" "
            + "x2=\"\(SVGText.n(Self.left + Self.plotWidth))\" y2=\"\(SVGText.n(baseline))\"/></g>"
        let largest = max(steps.compactMap(\.rate).max() ?? 0, 0.01)
        let slot = Self.plotWidth / Double(max(steps.count, 1))
        for (index, step) in steps.enumerated() {
            let centre = Self.left + slot * (Double(index) + 0.5)
            let barHeight = Self.plotHeight * max(step.rate ?? 0, 0) / largest
            let title = describe(step)
            svg += "<g class=\"bar\"><title>\(title.htmlEscaped)</title>"
            svg += SVGText.rect(x: centre - slot * 0.3, y: baseline - barHeight, width: slot * 0.6, height: barHeight,
                                fill: "#0d9488", title: title)
            svg += SVGText.text(step.rate.map(CellValue.percent) ?? "n/a", x: centre, y: baseline - barHeight - 4,
                                anchor: "middle", cssClass: "total")
            svg += SVGText.text("Step \(step.number)", x: centre, y: baseline + 16, anchor: "middle")
            svg += SVGText.text(SVGText.count(step.reached), x: centre, y: baseline + 32, anchor: "middle")
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
