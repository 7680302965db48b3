import GRDB

/// The pages of a report and how they link: one per sender of report_sender_summary and one per campaign of
/// report_campaign_summary, with the warnings about each, and tables whose names link to those pages. It holds the
/// views as long as there are senders or campaigns (read whole, once) and each one's rows of them, found in one
/// pass; never the threads or the days, which the pages read through a cursor.
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

        var key: String { ReportSite.key(source, id) }
    }

    static let sendersView = "report_sender_summary"
    static let campaignsView = "report_campaign_summary"
    static let outcomesView = "report_request_outcomes"

    let model: ReportModel
    /// report_sender_summary, report_campaign_summary and report_request_outcomes, whole: a row per sender, per
    /// campaign and per sender's action type and status.
    let senderSummary: ReportTable
    let campaignSummary: ReportTable
    let outcomes: ReportTable
    let senders: [Entity]
    let campaigns: [Entity]
    let warnings: [QualityWarning]
    private let senderByKey: [String: Entity]
    private let campaignByKey: [String: Entity]
    private let warningsBySubject: [String: [QualityWarning]]
    /// Row indexes per sender (`key(source, sender_id)`) or campaign, found once so a page does not scan a table.
    private let campaignRowsBySender: [String: [Int]]
    private let weeklyRowsBySender: [String: [Int]]
    private let loadRowsBySender: [String: [Int]]
    private let stepRowsByCampaign: [String: [Int]]
    private let replyRowsBySender: [String: [Int]]
    private let funnelRowsByCampaign: [String: [Int]]
    private let qualityRowsBySender: [String: [Int]]
    private let stepRowsBySender: [String: [Int]]
    private let sendTimeRowsBySender: [String: [Int]]

    init(_ model: ReportModel, in db: Database) throws {
        self.model = model
        func whole(_ name: String) throws -> ReportTable {
            try model.view(name)?.table(in: db) ?? ReportTable(name: name, columns: [], rows: [])
        }
        senderSummary = try whole(Self.sendersView)
        campaignSummary = try whole(Self.campaignsView)
        outcomes = try whole(Self.outcomesView)
        let warnings = QualityWarning.all(in: model.warnings)
        self.warnings = warnings
        let warningsBySubject = Dictionary(grouping: warnings) { Self.key($0.scope, $0.source, $0.subjectID) }
        self.warningsBySubject = warningsBySubject
        func entities(_ table: ReportTable, scope: String, idColumn: String, nameColumn: String,
                      path: (String, String) -> String) -> [Entity] {
            var seen: Set<String> = []
            return table.rows.indices.compactMap { row in
                let source = table.value("source", row: row).plainText, id = table.value(idColumn, row: row).plainText
                guard seen.insert(Self.key(source, id)).inserted else { return nil }
                return Entity(source: source, id: id, name: table.value(nameColumn, row: row).plainText,
                              path: path(source, id), row: row, table: table,
                              warnings: warningsBySubject[Self.key(scope, source, id)] ?? [])
            }
        }
        senders = entities(senderSummary, scope: "sender", idColumn: "sender_id", nameColumn: "sender_name",
                           path: PageName.sender)
        campaigns = entities(campaignSummary, scope: "campaign", idColumn: "campaign_id", nameColumn: "campaign_name",
                             path: PageName.campaign)
        senderByKey = Dictionary(senders.map { ($0.key, $0) }) { first, _ in first }
        campaignByKey = Dictionary(campaigns.map { ($0.key, $0) }) { first, _ in first }
        campaignRowsBySender = Self.rows(of: campaignSummary, by: "sender_id")
        weeklyRowsBySender = Self.rows(of: model.weekly, by: "sender_id")
        loadRowsBySender = Self.rows(of: model.weeklyLoad, by: "sender_id")
        stepRowsByCampaign = Self.rows(of: model.campaignSteps, by: "campaign_id")
        replyRowsBySender = Self.rows(of: model.replyTimes, by: "sender_id")
        funnelRowsByCampaign = Self.rows(of: model.funnel, by: "campaign_id")
        qualityRowsBySender = Self.rows(of: model.replyQuality, by: "sender_id")
        stepRowsBySender = Self.rows(of: model.followUpSteps, by: "sender_id")
        sendTimeRowsBySender = Self.rows(of: model.sendTimeBySender, by: "sender_id")
    }

    /// The key of a sender or campaign (or, with a scope first, of a warning's subject): the parts joined by NUL.
    static func key(_ parts: String...) -> String {
        key(parts)
    }

    static func key(_ parts: [String]) -> String {
        parts.joined(separator: "\u{0}")
    }

    /// The row indexes of `table` per `key(source, column)`.
    private static func rows(of table: ReportTable, by column: String) -> [String: [Int]] {
        guard let source = table.columns.firstIndex(where: { $0.name == "source" }),
              let id = table.columns.firstIndex(where: { $0.name == column })
        else { return [:] }
        var rows: [String: [Int]] = [:]
        for (index, row) in table.rows.enumerated() {
            rows[key(row[source].plainText, row[id].plainText), default: []].append(index)
        }
        return rows
    }

    func sender(key: String) -> Entity? { senderByKey[key] }

    func campaign(key: String) -> Entity? { campaignByKey[key] }

    /// The path of a sender's page from a page at `root`, when the sender has one.
    func senderPage(source: String, id: String, from root: String) -> String? {
        senderByKey[Self.key(source, id)].map { root + $0.path }
    }

    /// The path of a campaign's page from a page at `root`, when the campaign has one.
    func campaignPage(source: String, id: String, from root: String) -> String? {
        campaignByKey[Self.key(source, id)].map { root + $0.path }
    }

    /// The page of the campaign or sender a warning is about.
    func page(ofWarning warning: QualityWarning, from root: String) -> String? {
        warning.scope == "campaign" ? campaignPage(source: warning.source, id: warning.subjectID, from: root)
            : warning.scope == "sender" ? senderPage(source: warning.source, id: warning.subjectID, from: root) : nil
    }

    /// The warnings about one campaign or sender (`scope`).
    func warnings(about scope: String, source: String, id: String) -> [QualityWarning] {
        warningsBySubject[Self.key(scope, source, id)] ?? []
    }

    /// The rows the funnels count: report_funnel, or the campaign summary's counters while the warehouse has no funnel view.
    var funnelRows: ReportTable {
        if !model.funnel.rows.isEmpty || campaigns.isEmpty { return model.funnel }
        return campaignSummary
    }

    /// The funnel rows of one campaign: its rows of report_funnel, else its own row of the campaign summary.
    func funnelRows(of campaign: Entity) -> ReportTable {
        let rows = model.funnel.selecting(funnelRowsByCampaign[campaign.key] ?? [])
        return rows.rows.isEmpty ? campaign.table.selecting([campaign.row]) : rows
    }

    /// A sender's campaigns, its weeks and its times to reply.
    func campaigns(of sender: Entity) -> ReportTable { campaignSummary.selecting(campaignRowsBySender[sender.key] ?? []) }
    func weeks(of sender: Entity) -> ReportTable { model.weekly.selecting(weeklyRowsBySender[sender.key] ?? []) }
    /// A campaign's steps as the vendor reports them, in order.
    func steps(of campaign: Entity) -> ReportTable { model.campaignSteps.selecting(stepRowsByCampaign[campaign.key] ?? []) }
    /// A sender's weeks against its caps, oldest first.
    func load(of sender: Entity) -> ReportTable { model.weeklyLoad.selecting(loadRowsBySender[sender.key] ?? []) }
    func replyTimes(of sender: Entity) -> ReportTable { model.replyTimes.selecting(replyRowsBySender[sender.key] ?? []) }

    /// A sender's reply analysis: its reply classes, its follow-up steps and its send times.
    func replyAnalysis(of sender: Entity) -> ReplyAnalysis {
        ReplyAnalysis(quality: model.replyQuality.selecting(qualityRowsBySender[sender.key] ?? []),
                      steps: model.followUpSteps.selecting(stepRowsBySender[sender.key] ?? []),
                      sendTimes: model.sendTimeBySender.selecting(sendTimeRowsBySender[sender.key] ?? []))
    }

    /// The reply analysis over every sender: the classes per sender, the steps and send times in all.
    var replyAnalysis: ReplyAnalysis {
        ReplyAnalysis(quality: model.replyQuality, steps: model.stepTotals, sendTimes: model.sendTimeTotals)
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
                table.warnings = { warnings(about: "campaign", source: source($0), id: campaign($0)) }
            }
        }
        if view.hasColumn("sender_id") {
            let column = view.hasColumn("sender_name") ? "sender_name" : "sender_id"
            table.links[column] = { senderPage(source: source($0), id: sender($0), from: root) }
            if column == "sender_name" {
                table.markerColumn = column
                table.warnings = { warnings(about: "sender", source: source($0), id: sender($0)) }
            }
        }
        return table
    }
}
