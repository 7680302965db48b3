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
        body += steps(senderID: senderID, root: root)
        body += HTMLRenderer().trends(trend, id: "trend", heading: "Daily trend")
        var crumbs = [(href: root + "index.html", text: "Outreach report"),
                      (href: root + "index.html#report_campaign_summary", text: "All campaigns")]
        if let senderPage { crumbs.append((senderPage, "Sender \(senderName)")) }
        return HTMLPage(title: "Campaign \(campaign.title) - Outreach report", root: root, breadcrumbs: crumbs,
                        header: header, body: body).render(model)
    }

    /// The campaign's steps as the vendor reports them, as a funnel and a table; for a vendor without step data,
    /// the follow-up steps of the campaign's sender (from its conversations) instead.
    private func steps(senderID: String, root: String) -> String {
        let steps = site.steps(of: campaign)
        var html = "<section id=\"steps\"><h2>Steps</h2>"
        if !steps.rows.isEmpty {
            html += "<p>Each step of the sequence with the vendor&#39;s lifetime figures: how many it was sent to, and "
                + "after an invitation how many accepted, after a message how many replied.</p>\n"
            html += FunnelChart(title: "Steps of this campaign", campaignSteps: steps).svg
            return html + site.table(steps, from: root).html + "</section>\n"
        }
        let sender = site.sender(key: ReportSite.key(campaign.source, senderID)).map { site.replyAnalysis(of: $0).steps }
            ?? ReportTable(name: site.model.followUpSteps.name, columns: site.model.followUpSteps.columns, rows: [])
        guard !sender.rows.isEmpty else {
            return html + "<p class=\"empty\">The vendor reports no steps for this campaign</p></section>\n"
        }
        html += "<p>The vendor reports no steps for this campaign: these are the follow-up steps of its sender&#39;s "
            + "conversations.</p>\n"
        html += StepRateChart(title: "Genuine reply rate after each step", table: sender).svg
        return html + site.table(sender, from: root).html + "</section>\n"
    }
}
