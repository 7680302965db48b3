/// An inline SVG chart of one sender's last weeks against its weekly caps: per ISO week a column for the
/// invitations and one for the messages, each as its share of its cap, under a dashed line at the cap (100%),
/// with a text alternative listing every figure.
struct WeeklyLoadChart {
    /// The most recent weeks drawn.
    static let weeks = 12
    private static let width = 640.0, height = 240.0
    private static let left = 40.0, right = 16.0, top = 36.0, bottom = 40.0
    private static let plotWidth = width - left - right, plotHeight = height - top - bottom
    private static let invitationColour = "#2563eb", messageColour = "#9333ea"

    /// One week: what was sent and each count's share of its cap, as report_sender_weekly_load gives them.
    struct Week {
        let label: String
        let invitations: Double
        let messages: Double
        let invitationShare: Double?
        let messageShare: Double?
    }

    let title: String
    let weeks: [Week]

    /// The last `weeks` rows of `load` (report_sender_weekly_load rows of one sender, oldest first).
    init(title: String, load: ReportTable) {
        self.title = title
        weeks = load.rows.indices.suffix(Self.weeks).map { row in
            Week(label: load.value("iso_week", row: row).plainText,
                 invitations: load.value("invitations_sent", row: row).number ?? 0,
                 messages: load.value("messages_sent", row: row).number ?? 0,
                 invitationShare: load.value("invitation_cap_share", row: row).number,
                 messageShare: load.value("message_cap_share", row: row).number)
        }
    }

    private func describe(_ week: Week) -> String {
        "\(week.label): \(SVGText.count(week.invitations)) invitations"
            + (week.invitationShare.map { " (\(CellValue.percent($0)) of the cap)" } ?? "")
            + ", \(SVGText.count(week.messages)) messages" + (week.messageShare.map { " (\(CellValue.percent($0)) of the cap)" } ?? "")
    }

    var svg: String {
        var svg = SVGText.open(width: Self.width, height: Self.height, label: "\(title): " + weeks.map(describe).joined(separator: "; "))
        svg += SVGText.text(title, x: 8, y: 16, anchor: "start", cssClass: "heading")
        let baseline = Self.top + Self.plotHeight
        let largest = max(1.25, weeks.flatMap { [$0.invitationShare ?? 0, $0.messageShare ?? 0] }.max() ?? 0)
        func y(_ share: Double) -> Double { baseline - Self.plotHeight * max(share, 0) / largest }
        svg += "<g class=\"axis\"><line x1=\"\(SVGText.n(Self.left))\" y1=\"\(SVGText.n(baseline))\" "
            + "x2=\"\(SVGText.n(Self.left + Self.plotWidth))\" y2=\"\(SVGText.n(baseline))\"/></g>"
        let slot = Self.plotWidth / Double(max(weeks.count, 1))
        for (index, week) in weeks.enumerated() {
            let start = Self.left + slot * Double(index)
            for (offset, share, colour, what) in [(0.15, week.invitationShare, Self.invitationColour, "invitations"),
                                                  (0.5, week.messageShare, Self.messageColour, "messages")] {
                guard let share else { continue }
                let title = "\(week.label) \(what): \(CellValue.percent(share)) of the weekly cap"
                svg += SVGText.rect(x: start + slot * offset, y: y(share), width: slot * 0.35, height: baseline - y(share),
                                    fill: colour, title: title)
            }
            svg += SVGText.text(String(week.label.suffix(3)), x: start + slot / 2, y: baseline + 16, anchor: "middle")
        }
        svg += "<line class=\"cap\" x1=\"\(SVGText.n(Self.left))\" y1=\"\(SVGText.n(y(1)))\" x2=\"\(SVGText.n(Self.left + Self.plotWidth))\" "
            + "y2=\"\(SVGText.n(y(1)))\" stroke=\"#dc2626\" stroke-dasharray=\"6 4\"/>"
        svg += SVGText.text("cap", x: Self.left - 6, y: y(1) + 4, anchor: "end")
        svg += SVGText.text("invitations", x: Self.left + 8, y: Self.height - 6, anchor: "start")
        svg += SVGText.text("messages", x: Self.left + 100, y: Self.height - 6, anchor: "start")
        svg += SVGText.rect(x: Self.left, y: Self.height - 15, width: 6, height: 10, fill: Self.invitationColour, title: "invitations")
        svg += SVGText.rect(x: Self.left + 92, y: Self.height - 15, width: 6, height: 10, fill: Self.messageColour, title: "messages")
        return svg + "</svg>"
    }
}
