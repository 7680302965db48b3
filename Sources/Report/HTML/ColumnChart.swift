/// An inline SVG column chart of counts in ordered buckets, each column labelled with its bucket and count,
/// with a text alternative that lists every figure.
struct ColumnChart {
    private static let width = 640.0, height = 220.0
    private static let left = 16.0, right = 16.0, top = 20.0, bottom = 28.0
    private static let plotWidth = width - left - right, plotHeight = height - top - bottom

    let title: String
    /// What one count is, such as `thread`, for the titles (an `s` is added for other counts than one).
    let unit: String
    let labels: [String]
    let counts: [Double]

    /// The text alternative: every bucket with its count.
    var label: String {
        "\(title): " + zip(labels, counts).map { "\($0) \(SVGText.count($1))" }.joined(separator: ", ")
    }

    var svg: String {
        var svg = SVGText.open(width: Self.width, height: Self.height, label: label)
        let baseline = Self.top + Self.plotHeight
        svg += "<g class=\"axis\"><line x1=\"\(SVGText.n(Self.left))\" y1=\"\(SVGText.n(baseline))\" "
            + "x2=\"\(SVGText.n(Self.left + Self.plotWidth))\" y2=\"\(SVGText.n(baseline))\"/></g>"
        let largest = max(counts.max() ?? 0, 1)
        let slot = Self.plotWidth / Double(max(labels.count, 1))
        for (index, (bucket, count)) in zip(labels, counts).enumerated() {
            let centre = Self.left + slot * (Double(index) + 0.5)
            let barHeight = Self.plotHeight * max(count, 0) / largest
            let text = SVGText.count(count)
            let title = "\(bucket): \(SVGText.counted(count, unit))"
            svg += "<g class=\"bar\"><title>\(title.htmlEscaped)</title>"
            svg += SVGText.rect(x: centre - slot * 0.3, y: baseline - barHeight, width: slot * 0.6, height: barHeight,
                                fill: "#2563eb", title: title)
            svg += SVGText.text(text, x: centre, y: baseline - barHeight - 4, anchor: "middle", cssClass: "total")
            svg += SVGText.text(SVGText.clipped(bucket, to: 16), x: centre, y: baseline + 16, anchor: "middle")
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
