/// The page of one campaign: its figures, its warnings, its funnel and its daily trend; linked to its sender's
/// page and back to the index.
struct CampaignPage {
    let campaign: ReportSite.Entity
    let site: ReportSite

    private static let cards = [
        ("Members", "members"), ("Requests sent", "requests_sent"), ("Requests accepted", "requests_accepted"),
        ("Acceptance rate", "acceptance_rate"), ("Messages sent", "messages_sent"),
        ("Messages replied", "messages_replied"), ("Response rate", "response_rate"),
    ]

    /// The page, `trend` being the campaign's daily totals.
    func render(trend: ReportTable) -> String {
        let model = site.model, root = "../"
        let senderID = campaign.value("sender_id").plainText
        let senderPage = site.senderPage(source: campaign.source, id: senderID, from: root)
        let senderName = site.sender(key: ReportSite.key(campaign.source, senderID))?.title ?? senderID
        let sender = senderPage.map { "<a href=\"\($0.htmlEscaped)\">\(senderName.htmlEscaped)</a>" } ?? senderID.htmlEscaped
        let type = campaign.value("campaign_type").plainText, status = campaign.value("campaign_status").plainText
        let header = """
            <header><h1>\(campaign.title.htmlEscaped)</h1><p class="meta">Campaign \(campaign.id.htmlEscaped) of source \
            \(campaign.source.htmlEscaped); type \(type.isEmpty ? "n/a" : type.htmlEscaped), \
            status \(status.isEmpty ? "n/a" : status.htmlEscaped); sender <span class="sender">\(sender)</span></p></header>

            """
        var cards = Self.cards.map { KPICard(label: $0, column: $1, row: campaign.row, in: campaign.table) }
        if !campaign.warnings.isEmpty { cards[0].warnings = campaign.warnings }
        var body = KPICard.section(cards)
        body += QualityWarning.list(campaign.warnings)
        body += HTMLRenderer.funnelSection(FunnelChart(title: "Funnel of this campaign", rows: site.funnelRows(of: campaign)))
        body += HTMLRenderer().trends(trend, id: "trend", heading: "Daily trend")
        var crumbs = [(href: root + "index.html", text: "Outreach report"),
                      (href: root + "index.html#report_campaign_summary", text: "All campaigns")]
        if let senderPage { crumbs.append((senderPage, "Sender \(senderName)")) }
        return HTMLPage(title: "Campaign \(campaign.title) - Outreach report", root: root, breadcrumbs: crumbs,
                        header: header, body: body).render(model)
    }
}
