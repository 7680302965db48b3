import Foundation

/// A weekday x hour grid of the genuine response rate of the conversations started in each hour, in the report
/// zone: each cell shaded by its rate, with the counts in its title (on hover), a legend, and an empty cell where
/// no conversation started.
struct SendTimeGrid {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Conversations started and genuine replies per weekday (1 Monday to 7 Sunday) and hour.
    private var started: [[Double]] = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    private var replied: [[Double]] = Array(repeating: Array(repeating: 0, count: 24), count: 7)

    /// The grid of `table` (weekday, hour, conversations_started, genuine_replies).
    init(_ table: ReportTable) {
        for row in table.rows.indices {
            guard let weekday = table.value("weekday", row: row).number.map(Int.init), (1...7).contains(weekday),
                  let hour = table.value("hour", row: row).number.map(Int.init), (0...23).contains(hour) else { continue }
            started[weekday - 1][hour] += table.value("conversations_started", row: row).number ?? 0
            replied[weekday - 1][hour] += table.value("genuine_replies", row: row).number ?? 0
        }
    }

    var isEmpty: Bool { started.allSatisfy { $0.allSatisfy { $0 == 0 } } }

    /// The cell's green: white at 0, full at `largest`.
    private static func shade(_ rate: Double, largest: Double) -> String {
        let share = largest > 0 ? min(max(rate / largest, 0), 1) : 0
        let channel = { (full: Double) in Int((255 - (255 - full) * share).rounded()) }
        return String(format: "#%02x%02x%02x", channel(22), channel(163), channel(74))
    }

    var html: String {
        var rates: [Double] = []
        for day in 0..<7 { for hour in 0..<24 where started[day][hour] > 0 { rates.append(replied[day][hour] / started[day][hour]) } }
        let largest = rates.max() ?? 0
        var html = "<table class=\"heat\"><caption>Genuine response rate by the weekday and hour the conversation started; "
            + "hover a cell for its counts.</caption><thead><tr><th scope=\"col\">Day</th>"
        for hour in 0..<24 { html += "<th scope=\"col\">\(String(format: "%02d", hour))</th>" }
        html += "</tr></thead><tbody>"
        for day in 0..<7 {
            html += "<tr><th scope=\"row\">\(Self.weekdays[day])</th>"
            for hour in 0..<24 {
                let count = started[day][hour]
                guard count > 0 else {
                    html += "<td class=\"none\" title=\"\(Self.weekdays[day]) \(String(format: "%02d:00", hour)): no conversations started\"></td>"
                    continue
                }
                let rate = replied[day][hour] / count
                let title = "\(Self.weekdays[day]) \(String(format: "%02d:00", hour)): \(SVGText.counted(count, "conversation")) started, "
                    + "\(SVGText.count(replied[day][hour])) genuine replies (\(CellValue.percent(rate)))"
                html += "<td style=\"background:\(Self.shade(rate, largest: largest))\" title=\"\(title.htmlEscaped)\">"
                    + "\(Int((rate * 100).rounded()))</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        html += "<p class=\"legend\">Cells show the rate in percent. Scale: "
            + "<span class=\"swatch\" style=\"background:\(Self.shade(0, largest: largest))\">0%</span> to "
            + "<span class=\"swatch\" style=\"background:\(Self.shade(largest, largest: largest))\">\(CellValue.percent(largest))</span>"
            + "; an empty cell had no conversation started.</p>\n"
        return html
    }
}
