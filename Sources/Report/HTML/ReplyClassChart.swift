/// An inline SVG of each sender's conversations split by what their replies were: one horizontal bar per sender,
/// its segments the reply classes and the conversations without a reply, with a legend and a text alternative.
struct ReplyClassChart {
    /// One sender's conversations and how many of them each class (and no reply) holds.
    struct Bar {
        let label: String
        let conversations: Double
        let parts: [Double]
    }

    /// The segments in order: the columns of report_reply_quality they read, their names and colours.
    static let segments: [(column: String, label: String, color: String)] = [
        ("positive", "Positive", "#16a34a"), ("referral", "Referral", "#2563eb"), ("neutral", "Neutral", "#f59e0b"),
        ("negative", "Negative", "#dc2626"), ("auto_replies", "Auto-reply only", "#9ca3af"),
    ]
    static let unanswered = (label: "No reply", color: "#e5e7eb")

    private static let width = 640.0, left = 150.0, right = 50.0, top = 44.0
    private static let barHeight = 18.0, gap = 8.0
    private static let plotWidth = width - left - right

    let title: String
    let bars: [Bar]

    /// The bars of `quality` (rows of report_reply_quality), each labelled by `label(row)`.
    init(title: String, quality: ReportTable, label: (Int) -> String) {
        self.title = title
        bars = quality.rows.indices.map { row in
            let conversations = quality.value("conversations", row: row).number ?? 0
            let replied = quality.value("replied_conversations", row: row).number ?? 0
            let parts = Self.segments.map { quality.value($0.column, row: row).number ?? 0 } + [max(conversations - replied, 0)]
            return Bar(label: label(row), conversations: conversations, parts: parts)
        }
    }

    private static var labels: [String] { segments.map(\.label) + [unanswered.label] }
    private static var colors: [String] { segments.map(\.color) + [unanswered.color] }

    private func describe(_ bar: Bar) -> String {
        "\(bar.label): \(SVGText.counted(bar.conversations, "conversation")), "
            + zip(Self.labels, bar.parts).map { "\($0.lowercased()) \(SVGText.count($1))" }.joined(separator: ", ")
    }

    var svg: String {
        let bottom = Self.top + Double(bars.count) * (Self.barHeight + Self.gap)
        var svg = SVGText.open(width: Self.width, height: bottom + 8, label: "\(title): " + bars.map(describe).joined(separator: "; "))
        svg += SVGText.text(title, x: 8, y: 16, anchor: "start", cssClass: "heading")
        var x = 8.0
        for (label, color) in zip(Self.labels, Self.colors) {
            svg += "<g class=\"legend\">" + SVGText.rect(x: x, y: 24, width: 10, height: 10, fill: color, title: label)
                + SVGText.text(label, x: x + 14, y: 33, anchor: "start") + "</g>"
            x += 14 + Double(label.count) * 6.5 + 12
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * (Self.barHeight + Self.gap)
            svg += "<g class=\"bar\"><title>\(describe(bar).htmlEscaped)</title>"
            svg += SVGText.text(SVGText.clipped(bar.label, to: 22), x: Self.left - 8, y: y + Self.barHeight / 2 + 4, anchor: "end")
            var offset = Self.left
            for (part, (label, color)) in zip(bar.parts, zip(Self.labels, Self.colors)) where part > 0 && bar.conversations > 0 {
                let width = Self.plotWidth * part / bar.conversations
                svg += SVGText.rect(x: offset, y: y, width: width, height: Self.barHeight, fill: color,
                                    title: "\(bar.label): \(label.lowercased()) \(SVGText.count(part)) of \(SVGText.count(bar.conversations))")
                offset += width
            }
            svg += SVGText.text(SVGText.count(bar.conversations), x: Self.left + Self.plotWidth + 6, y: y + Self.barHeight / 2 + 4,
                                anchor: "start", cssClass: "total")
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
