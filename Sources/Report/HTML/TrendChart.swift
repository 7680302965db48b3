import Foundation

/// An inline SVG line chart of daily series with axes, a few date labels, a legend and a text alternative.
struct TrendChart {
    /// One line of the chart; `nil` values (counts a vendor does not give) leave a gap.
    struct Series {
        let label: String
        let color: String
        let values: [Double?]
    }

    private static let width = 640.0, height = 240.0
    private static let left = 56.0, right = 40.0, top = 16.0, bottom = 48.0
    private static let plotWidth = width - left - right, plotHeight = height - top - bottom
    private static let maxDateLabels = 5

    let title: String
    let dates: [String]
    let series: [Series]
    /// The largest value drawn, or 1 when there is none, so the scale never divides by zero
    /// (found once: every point's position needs it).
    private let maxValue: Double

    init(title: String, dates: [String], series: [Series]) {
        self.title = title
        self.dates = dates
        self.series = series
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        maxValue = largest > 0 ? largest : 1
    }

    var svg: String {
        let label = dates.isEmpty ? "\(title): no daily data yet" : "\(title), \(dates[0]) to \(dates[dates.count - 1])"
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 \(Self.width) \(Self.height)" \
            aria-label="\(label.htmlEscaped)"><title>\(label.htmlEscaped)</title>
            """
        svg += axes()
        if dates.isEmpty {
            svg += text("No daily data yet", x: Self.left + Self.plotWidth / 2, y: Self.top + Self.plotHeight / 2, anchor: "middle")
        }
        let xs = xPositions()
        for line in series {
            svg += lines(line, xs: xs)
        }
        svg += legend()
        return svg + "</svg>"
    }

    private func y(_ value: Double) -> Double {
        Self.top + Self.plotHeight * (1 - value / maxValue)
    }

    /// X per date: by calendar day when every date parses (gaps stay visible), else by position; centred for one day.
    private func xPositions() -> [Double] {
        let days = dates.compactMap { ISODateTime(date: $0)?.dayNumber }
        let positions = days.count == dates.count ? days.map(Double.init) : dates.indices.map(Double.init)
        guard let first = positions.min(), let last = positions.max(), last > first else {
            return positions.map { _ in Self.left + Self.plotWidth / 2 }
        }
        return positions.map { Self.left + Self.plotWidth * ($0 - first) / (last - first) }
    }

    private func axes() -> String {
        let bottomY = Self.top + Self.plotHeight
        var svg = "<g class=\"axis\">"
        svg += "<line x1=\"\(n(Self.left))\" y1=\"\(n(Self.top))\" x2=\"\(n(Self.left))\" y2=\"\(n(bottomY))\"/>"
        svg += "<line x1=\"\(n(Self.left))\" y1=\"\(n(bottomY))\" x2=\"\(n(Self.left + Self.plotWidth))\" y2=\"\(n(bottomY))\"/>"
        for value in [0, maxValue / 2, maxValue] {
            svg += text(CellValue.real(value).plainText, x: Self.left - 6, y: y(value) + 4, anchor: "end")
        }
        let xs = xPositions()
        for index in labelledIndices() {
            svg += text(dates[index], x: xs[index], y: bottomY + 16, anchor: "middle")
        }
        return svg + "</g>"
    }

    /// Up to `maxDateLabels` dates, evenly spread, always the first and the last.
    private func labelledIndices() -> [Int] {
        guard dates.count > Self.maxDateLabels else { return Array(dates.indices) }
        let steps = Self.maxDateLabels - 1
        return (0...steps).map { $0 * (dates.count - 1) / steps }
    }

    /// A polyline per run of known values; a lone known value is drawn as a dot.
    private func lines(_ line: Series, xs: [Double]) -> String {
        var svg = ""
        var run: [(Double, Double)] = []
        func flush() {
            if run.count == 1 {
                svg += "<circle cx=\"\(n(run[0].0))\" cy=\"\(n(run[0].1))\" r=\"3\" fill=\"\(line.color)\"/>"
            } else if run.count > 1 {
                let points = run.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"/>"
            }
            run.removeAll()
        }
        for (x, value) in zip(xs, line.values) {
            if let value { run.append((x, y(value))) } else { flush() }
        }
        flush()
        return svg
    }

    private func legend() -> String {
        var svg = ""
        for (index, line) in series.enumerated() {
            let x = Self.left + Double(index) * 200
            let y = Self.height - 8
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(y - 4))\" x2=\"\(n(x + 16))\" y2=\"\(n(y - 4))\" stroke=\"\(line.color)\" stroke-width=\"3\"/>"
            svg += text(line.label, x: x + 22, y: y, anchor: "start")
        }
        return svg
    }

    private func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">\(content.htmlEscaped)</text>"
    }

    private func n(_ value: Double) -> String { SVGText.n(value) }
}
