/// An inline SVG horizontal bar chart of followed requests: one bar per action type, stacked by latest status,
/// with counts, a legend and a text alternative that lists every figure.
struct OutcomeChart {
    /// The order WeConnect's action types are shown in; other types follow, alphabetically.
    static let actionOrder = ["connect", "message", "withdraw", "visit", "endorse", "like", "follow"]

    /// The requests of one action type in one status.
    struct Segment {
        let status: String
        let count: Double
        let color: String
    }

    /// The requests of one action type, segments in legend order.
    struct Bar {
        let action: String
        let segments: [Segment]
        var total: Double { segments.reduce(0) { $0 + $1.count } }
    }

    private static let width = 640.0
    private static let left = 104.0, right = 56.0, top = 8.0
    private static let barHeight = 22.0, gap = 10.0, legendRow = 18.0
    private static let plotWidth = width - left - right
    /// A rough width of one character of the 11px labels, to wrap the legend and fit counts inside bars.
    private static let charWidth = 6.5

    let title = "Followed requests by action type and latest status"
    let bars: [Bar]
    /// Every status drawn, in stacking order, with its colour.
    let legend: [(status: String, color: String)]

    /// Sums `requests` of report_request_outcomes over sources and senders; rows without a positive count are left out.
    init(outcomes table: ReportTable) {
        var counts: [String: [String: Double]] = [:]
        for row in table.rows.indices {
            guard let requests = table.value("requests", row: row).number, requests > 0 else { continue }
            let action = Self.label(table.value("action_type", row: row), empty: "(no type)")
            let status = Self.label(table.value("status", row: row), empty: "(no status)")
            counts[action, default: [:]][status, default: 0] += requests
        }
        let statuses = Set(counts.values.flatMap(\.keys)).sorted {
            (StatusCategory(status: $0), $0) < (StatusCategory(status: $1), $1)
        }
        var colors: [String: String] = [:]
        var used: [StatusCategory: Int] = [:]
        legend = statuses.map { status in
            let category = StatusCategory(status: status)
            let index = used[category, default: 0]
            used[category] = index + 1
            let color = category.palette[index % category.palette.count]
            colors[status] = color
            return (status, color)
        }
        bars = counts.keys.sorted(by: Self.actionPrecedes).map { action in
            let byStatus = counts[action] ?? [:]
            return Bar(action: action, segments: statuses.compactMap { status in
                byStatus[status].map { Segment(status: status, count: $0, color: colors[status] ?? "#2563eb") }
            })
        }
    }

    /// The text alternative: every bar with its total and its statuses' counts.
    var label: String {
        let figures = bars.map { bar in
            let parts = bar.segments.map { "\($0.status) \(SVGText.count($0.count))" }.joined(separator: ", ")
            return "\(bar.action) \(SVGText.count(bar.total)) (\(parts))"
        }
        return "\(title): " + figures.joined(separator: "; ")
    }

    var svg: String {
        let legendLines = legendLayout()
        let legendTop = Self.top + Double(bars.count) * (Self.barHeight + Self.gap) + 8
        let height = legendTop + Double((legendLines.last?.line ?? 0) + 1) * Self.legendRow + 4
        var svg = SVGText.open(width: Self.width, height: height, label: label)
        let largest = max(bars.map(\.total).max() ?? 0, 1)
        for (index, bar) in bars.enumerated() {
            svg += self.bar(bar, y: Self.top + Double(index) * (Self.barHeight + Self.gap), scale: Self.plotWidth / largest)
        }
        svg += "<g class=\"legend\">"
        for (entry, place) in zip(legend, legendLines) {
            let y = legendTop + Double(place.line) * Self.legendRow
            svg += "<rect x=\"\(SVGText.n(place.x))\" y=\"\(SVGText.n(y))\" width=\"12\" height=\"12\" fill=\"\(entry.color)\"/>"
            svg += SVGText.text(SVGText.clipped(entry.status, to: 32), x: place.x + 16, y: y + 10, anchor: "start")
        }
        return svg + "</g></svg>"
    }

    /// One bar: its action type left of it, a segment per status (count inside when it fits), the total after it.
    private func bar(_ bar: Bar, y: Double, scale: Double) -> String {
        let middle = y + Self.barHeight / 2 + 4
        var svg = "<g class=\"bar\"><title>\((bar.action + ": " + SVGText.counted(bar.total, "request")).htmlEscaped)</title>"
        svg += SVGText.text(SVGText.clipped(bar.action, to: 15), x: Self.left - 8, y: middle, anchor: "end")
        var x = Self.left
        for segment in bar.segments {
            let width = segment.count * scale
            let count = SVGText.count(segment.count)
            svg += SVGText.rect(x: x, y: y, width: width, height: Self.barHeight, fill: segment.color,
                                title: "\(bar.action), \(segment.status): \(count)")
            if width >= Double(count.count) * Self.charWidth + 6 {
                svg += SVGText.text(count, x: x + width / 2, y: middle, anchor: "middle", cssClass: "in")
            }
            x += width
        }
        return svg + SVGText.text(SVGText.count(bar.total), x: x + 6, y: middle, anchor: "start", cssClass: "total") + "</g>"
    }

    /// Where each legend entry goes: its line and x, wrapping before an entry that would overrun the chart.
    private func legendLayout() -> [(line: Int, x: Double)] {
        var line = 0, x = 8.0
        return legend.map { entry in
            let width = 16 + Double(SVGText.clipped(entry.status, to: 32).count) * Self.charWidth + 16
            if x > 8, x + width > Self.width - 8 {
                line += 1
                x = 8
            }
            defer { x += width }
            return (line, x)
        }
    }

    private static func label(_ value: CellValue, empty: String) -> String {
        let text = value.plainText
        return text.isEmpty ? empty : text
    }

    /// WeConnect's types in `actionOrder`, then any other type alphabetically.
    private static func actionPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        let rank = { (action: String) in actionOrder.firstIndex(of: action.lowercased()) ?? actionOrder.count }
        return (rank(lhs), lhs) < (rank(rhs), rhs)
    }
}
