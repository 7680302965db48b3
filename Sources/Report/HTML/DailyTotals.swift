/// The daily counts of rows of report_daily_activity summed per date, as report_daily_trend's columns: one
/// sender's or one campaign's trend. A count no row of a date gives stays unknown.
struct DailyTotals {
    /// The counts summed, in report_daily_trend's order.
    static let counts = ["requests_sent", "requests_accepted", "messages_sent", "messages_replied"]

    /// Where the date and the counts are in a row of report_daily_activity.
    struct Columns {
        let date: Int?
        let counts: [Int?]

        init(_ columns: [ReportColumn]) {
            func index(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
            date = index("date")
            counts = DailyTotals.counts.map(index)
        }
    }

    /// One date's sums, nil while no row gave the count.
    private struct Day {
        var sent: Double?, accepted: Double?, messaged: Double?, replied: Double?
    }

    private var days: [String: Day] = [:]

    /// Adds the counts of `row`, laid out as `columns` say, to its date.
    mutating func add(_ row: [CellValue], _ columns: Columns) {
        func sum(_ total: Double?, _ position: Int) -> Double? {
            guard let index = columns.counts[position], row.indices.contains(index), let value = row[index].number
            else { return total }
            return (total ?? 0) + value
        }
        let date = columns.date.flatMap { row.indices.contains($0) ? row[$0].plainText : nil } ?? ""
        var day = days[date] ?? Day()
        day.sent = sum(day.sent, 0)
        day.accepted = sum(day.accepted, 1)
        day.messaged = sum(day.messaged, 2)
        day.replied = sum(day.replied, 3)
        days[date] = day
    }

    /// One row per date, in date order: date, then the four sums.
    var table: ReportTable {
        let columns = (["date"] + Self.counts).map { ReportColumn(name: $0) }
        let rows = days.keys.sorted().map { date -> [CellValue] in
            let day = days[date] ?? Day()
            return [.text(date)] + [day.sent, day.accepted, day.messaged, day.replied].map { $0.map(CellValue.real) ?? .null }
        }
        return ReportTable(name: "report_daily_trend", columns: columns, rows: rows)
    }
}
