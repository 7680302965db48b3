/// An inline SVG bar chart of one rate per subject (such as the acceptance rate per sender): a horizontal bar
/// each from 0 to 100%, the percentage after it (n/a when unknown), a percent axis, a title and a text alternative.
struct RateBarChart {
    /// One subject and its rate, a fraction from 0 to 1.
    struct Bar {
        let label: String
        let rate: Double?
        /// What the rate is made of, such as `527 of 922 requests`, for the bar's title.
        let detail: String
    }

    private static let width = 640.0, left = 150.0, right = 60.0, top = 30.0
    private static let barHeight = 18.0, gap = 8.0
    private static let plotWidth = width - left - right

    let title: String
    let bars: [Bar]

    /// The text alternative: every subject with its rate.
    var label: String {
        "\(title): " + bars.map { "\($0.label) \(text($0))" }.joined(separator: ", ")
    }

    private func text(_ bar: Bar) -> String {
        bar.rate.map(CellValue.percent) ?? "n/a"
    }

    var svg: String {
        let bottom = Self.top + Double(bars.count) * (Self.barHeight + Self.gap)
        var svg = SVGText.open(width: Self.width, height: bottom + 34, label: label)
        svg += SVGText.text(title, x: 8, y: 16, anchor: "start", cssClass: "heading")
        svg += CountAxis(left: Self.left, width: Self.plotWidth, top: Self.top - 4, bottom: bottom, largest: 1,
                         format: { CellValue.percent($0).replacingOccurrences(of: ".0%", with: "%") }).svg
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * (Self.barHeight + Self.gap)
            let middle = y + Self.barHeight / 2 + 4
            let value = text(bar)
            let title = "\(bar.label): \(value) (\(bar.detail))"
            svg += "<g class=\"bar\"><title>\(title.htmlEscaped)</title>"
            svg += SVGText.text(SVGText.clipped(bar.label, to: 22), x: Self.left - 8, y: middle, anchor: "end")
            let width = Self.plotWidth * min(max(bar.rate ?? 0, 0), 1)
            if bar.rate != nil {
                svg += SVGText.rect(x: Self.left, y: y, width: width, height: Self.barHeight, fill: "#16a34a", title: title)
            }
            svg += SVGText.text(value, x: Self.left + width + 6, y: middle, anchor: "start", cssClass: "total")
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
