/// The page of one sender: its headline figures, its warnings, its daily trend, its campaigns (linked to their
/// pages), its weekly figures and its time to reply; linked back to the index.
struct SenderPage {
    let sender: ReportSite.Entity
    let site: ReportSite

    private static let cards = [
        ("Requests sent", "requests_sent"), ("Requests accepted", "requests_accepted"),
        ("Acceptance rate", "acceptance_rate"), ("Messages sent", "messages_sent"),
        ("Messages replied", "messages_replied"), ("Response rate", "response_rate"),
    ]

    func render() -> String {
        let model = site.model, root = "../"
        let header = """
            <header><h1>\(sender.title.htmlEscaped)</h1><p class="meta">Sender \(sender.id.htmlEscaped) of source \
            \(sender.source.htmlEscaped)</p></header>

            """
        var cards = Self.cards.map { KPICard(label: $0, column: $1, row: sender.row, in: sender.table) }
        let times = model.replyTimes.rows(source: sender.source, "sender_id", sender.id)
        cards.append(KPICard(label: "Median time to reply", column: "median_minutes", in: times))
        cards.append(KPICard(label: "90th percentile time to reply", column: "p90_minutes", in: times))
        if !sender.warnings.isEmpty { cards[0].warnings = sender.warnings }
        var body = KPICard.section(cards)
        body += QualityWarning.list(sender.warnings)
        let trend = site.dailyTrend(sender: sender.source, sender.id)
        body += HTMLRenderer().trends(trend, id: "trend", heading: "Daily trend")
        let campaigns = model.views.first { $0.name == "report_campaign_summary" }
            .map { $0.rows(source: sender.source, "sender_id", sender.id) }
        body += HTMLRenderer().section(id: "report_campaign_summary",
                                       table: site.table(campaigns ?? ReportModel.emptyTable("report_campaign_summary"),
                                                         from: root),
                                       empty: "No campaigns")
        body += HTMLRenderer().section(id: "report_weekly",
                                       table: site.table(model.weekly.rows(source: sender.source, "sender_id", sender.id),
                                                         from: root),
                                       empty: "No weekly activity yet")
        body += "<section id=\"reply-time\"><h2>Time to reply</h2>"
        if times.rows.isEmpty {
            body += "<p class=\"empty\">No replies yet</p></section>\n"
        } else {
            body += "<p>\(times.value("replied_threads", row: 0).plainText.htmlEscaped) replied conversations. "
                + "Time from a conversation&#39;s first message sent to the first reply after it.</p>"
                + HTMLTable(times).html + "</section>\n"
        }
        return HTMLPage(
            title: "Sender \(sender.title) - Outreach report", root: root,
            breadcrumbs: [(root + "index.html", "Outreach report"), (root + "index.html#report_sender_summary", "All senders")],
            header: header, body: body
        ).render(model)
    }
}
