/// The pages of a report and how they link: one per sender of report_sender_summary and one per campaign of
/// report_campaign_summary, with the warnings about each, and tables whose names link to those pages.
struct ReportSite {
    /// A sender or a campaign: its row in its summary view and the path of its page.
    struct Entity {
        let source: String
        let id: String
        let name: String
        let path: String
        let row: Int
        let table: ReportTable
        let warnings: [QualityWarning]

        func value(_ column: String) -> CellValue {
            table.value(column, row: row)
        }

        /// The name, or the id when the name is empty.
        var title: String { name.isEmpty ? id : name }
    }

    let model: ReportModel
    let senders: [Entity]
    let campaigns: [Entity]
    let warnings: [QualityWarning]
    private let senderPaths: [String: String]
    private let campaignPaths: [String: String]
    /// The rows of report_daily_activity of each sender and each campaign (by `key(source, id)`),
    /// found in one pass so a page does not scan the whole table.
    private let dailyRowsBySender: [String: [Int]]
    private let dailyRowsByCampaign: [String: [Int]]

    init(_ model: ReportModel) {
        self.model = model
        (dailyRowsBySender, dailyRowsByCampaign) = Self.dailyRows(model)
        let warnings = QualityWarning.all(in: model.warnings)
        self.warnings = warnings
        func entities(_ view: String, scope: String, idColumn: String, nameColumn: String,
                      path: (String, String) -> String) -> [Entity] {
            guard let table = model.views.first(where: { $0.name == view }) else { return [] }
            var seen: Set<String> = []
            return table.rows.indices.compactMap { row in
                let source = table.value("source", row: row).plainText, id = table.value(idColumn, row: row).plainText
                guard seen.insert(Self.key(source, id)).inserted else { return nil }
                return Entity(source: source, id: id, name: table.value(nameColumn, row: row).plainText,
                              path: path(source, id), row: row, table: table,
                              warnings: QualityWarning.about(scope, source: source, id: id, in: warnings))
            }
        }
        senders = entities("report_sender_summary", scope: "sender", idColumn: "sender_id", nameColumn: "sender_name",
                           path: PageName.sender)
        campaigns = entities("report_campaign_summary", scope: "campaign", idColumn: "campaign_id",
                             nameColumn: "campaign_name", path: PageName.campaign)
        senderPaths = Dictionary(senders.map { (Self.key($0.source, $0.id), $0.path) }) { first, _ in first }
        campaignPaths = Dictionary(campaigns.map { (Self.key($0.source, $0.id), $0.path) }) { first, _ in first }
    }

    private static func key(_ source: String, _ id: String) -> String {
        source + "\u{0}" + id
    }

    /// The path of a sender's page from a page at `root`, when the sender has one.
    func senderPage(source: String, id: String, from root: String) -> String? {
        senderPaths[Self.key(source, id)].map { root + $0 }
    }

    /// The path of a campaign's page from a page at `root`, when the campaign has one.
    func campaignPage(source: String, id: String, from root: String) -> String? {
        campaignPaths[Self.key(source, id)].map { root + $0 }
    }

    /// The page of the campaign or sender a warning is about.
    func page(ofWarning warning: QualityWarning, from root: String) -> String? {
        warning.scope == "campaign" ? campaignPage(source: warning.source, id: warning.subjectID, from: root)
            : warning.scope == "sender" ? senderPage(source: warning.source, id: warning.subjectID, from: root) : nil
    }

    /// The rows the funnels count: report_funnel, or the campaign summary's counters while the warehouse has no funnel view.
    var funnelRows: ReportTable {
        if !model.funnel.rows.isEmpty || campaigns.isEmpty { return model.funnel }
        return model.views.first { $0.name == "report_campaign_summary" } ?? model.funnel
    }

    /// `view` as a sortable table for a page at `root`: campaign and sender names (or ids, without a name column)
    /// linked to their pages, and names marked where a warning concerns the row.
    func table(_ view: ReportTable, from root: String) -> HTMLTable {
        var table = HTMLTable(view)
        let source = { (row: Int) in view.value("source", row: row).plainText }
        let sender = { (row: Int) in view.value("sender_id", row: row).plainText }
        let campaign = { (row: Int) in view.value("campaign_id", row: row).plainText }
        if view.hasColumn("campaign_id") {
            let column = view.hasColumn("campaign_name") ? "campaign_name" : "campaign_id"
            table.links[column] = { campaignPage(source: source($0), id: campaign($0), from: root) }
            if column == "campaign_name" {
                table.markerColumn = column
                table.warnings = { QualityWarning.about("campaign", source: source($0), id: campaign($0), in: warnings) }
            }
        }
        if view.hasColumn("sender_id") {
            let column = view.hasColumn("sender_name") ? "sender_name" : "sender_id"
            table.links[column] = { senderPage(source: source($0), id: sender($0), from: root) }
            if column == "sender_name" {
                table.markerColumn = column
                table.warnings = { QualityWarning.about("sender", source: source($0), id: sender($0), in: warnings) }
            }
        }
        return table
    }

    /// The daily totals of the rows of report_daily_activity that `isIncluded` keeps, as report_daily_trend's
    /// columns; a count no row of a day gives stays unknown.
    func dailyTrend(sender source: String, _ id: String) -> ReportTable {
        dailyTrend(rows: dailyRowsBySender[Self.key(source, id)] ?? [])
    }

    /// The daily totals of one campaign (see `dailyTrend(sender:_:)`).
    func dailyTrend(campaign source: String, _ id: String) -> ReportTable {
        dailyTrend(rows: dailyRowsByCampaign[Self.key(source, id)] ?? [])
    }

    /// Each sender's and each campaign's rows of report_daily_activity.
    private static func dailyRows(_ model: ReportModel) -> (senders: [String: [Int]], campaigns: [String: [Int]]) {
        var senders: [String: [Int]] = [:], campaigns: [String: [Int]] = [:]
        guard let daily = model.views.first(where: { $0.name == "report_daily_activity" }) else { return ([:], [:]) }
        for row in daily.rows.indices {
            let source = daily.value("source", row: row).plainText
            senders[key(source, daily.value("sender_id", row: row).plainText), default: []].append(row)
            campaigns[key(source, daily.value("campaign_id", row: row).plainText), default: []].append(row)
        }
        return (senders, campaigns)
    }

    private func dailyTrend(rows selected: [Int]) -> ReportTable {
        let counts = ["requests_sent", "requests_accepted", "messages_sent", "messages_replied"]
        let columns = (["date"] + counts).map { ReportColumn(name: $0) }
        guard let daily = model.views.first(where: { $0.name == "report_daily_activity" }) else {
            return ReportTable(name: "report_daily_trend", columns: columns, rows: [])
        }
        var totals: [String: [Double?]] = [:]
        for row in selected {
            let date = daily.value("date", row: row).plainText
            var sums = totals[date] ?? Array(repeating: nil, count: counts.count)
            for (index, column) in counts.enumerated() {
                if let number = daily.value(column, row: row).number { sums[index] = (sums[index] ?? 0) + number }
            }
            totals[date] = sums
        }
        let rows = totals.keys.sorted().map { date in
            [CellValue.text(date)] + (totals[date] ?? []).map { $0.map(CellValue.real) ?? .null }
        }
        return ReportTable(name: "report_daily_trend", columns: columns, rows: rows)
    }
}
