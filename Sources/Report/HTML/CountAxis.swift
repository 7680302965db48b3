/// The horizontal count axis of a bar chart: a vertical baseline at `left`, light grid lines and labels at
/// 0, half and the largest value along the bottom.
struct CountAxis {
    let left: Double
    let width: Double
    let top: Double
    let bottom: Double
    let largest: Double
    /// Formats a tick value; counts by default.
    var format: (Double) -> String = { SVGText.count($0.rounded()) }

    var svg: String {
        var svg = "<g class=\"axis\">"
        svg += "<line x1=\"\(SVGText.n(left))\" y1=\"\(SVGText.n(top))\" x2=\"\(SVGText.n(left))\" y2=\"\(SVGText.n(bottom))\"/>"
        svg += "<line x1=\"\(SVGText.n(left))\" y1=\"\(SVGText.n(bottom))\" x2=\"\(SVGText.n(left + width))\" "
            + "y2=\"\(SVGText.n(bottom))\"/>"
        for fraction in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let x = left + width * fraction
            if fraction > 0 {
                svg += "<line class=\"grid\" x1=\"\(SVGText.n(x))\" y1=\"\(SVGText.n(top))\" x2=\"\(SVGText.n(x))\" "
                    + "y2=\"\(SVGText.n(bottom))\"/>"
            }
            if fraction.truncatingRemainder(dividingBy: 0.5) == 0 {
                svg += SVGText.text(format(largest * fraction), x: x, y: bottom + 14, anchor: "middle")
            }
        }
        return svg + "</g>"
    }
}
