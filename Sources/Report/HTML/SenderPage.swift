/// The page of one sender: its headline figures, its warnings, its daily trend, its campaigns (linked to their
/// pages), its weekly figures, its time to reply and the first page of its threads; linked back to the index. Its
/// threads past the first page are on numbered pages of their own.
struct SenderPage {
    let sender: ReportSite.Entity
    let site: ReportSite

    private static let root = "../"
    private static let cards = [
        ("Requests sent", "requests_sent"), ("Requests accepted", "requests_accepted"),
        ("Acceptance rate", "acceptance_rate"), ("Messages sent", "messages_sent"),
        ("Messages replied", "messages_replied"), ("Response rate", "response_rate"),
    ]

    /// The sender's own page: `trend` is its daily totals, `threads` the first page of its threads.
    func render(trend: ReportTable, threads: ThreadPage) -> String {
        let root = Self.root
        let header = """
            <header><h1>\(sender.title.htmlEscaped)</h1><p class="meta">Sender \(sender.id.htmlEscaped) of source \
            \(sender.source.htmlEscaped)</p></header>

            """
        var cards = Self.cards.map { KPICard(label: $0, column: $1, row: sender.row, in: sender.table) }
        let times = site.replyTimes(of: sender)
        cards.append(KPICard(label: "Median time to reply", column: "median_minutes", in: times))
        cards.append(KPICard(label: "90th percentile time to reply", column: "p90_minutes", in: times))
        let replies = site.replyAnalysis(of: sender)
        cards.append(KPICard(label: "Genuine response rate", column: "genuine_response_rate", in: replies.quality,
                             caption: ReplyAnalysis.definitions[0]))
        cards.append(KPICard(label: "Positive reply rate", column: "positive_reply_rate", in: replies.quality,
                             caption: ReplyAnalysis.definitions[1]))
        if !sender.warnings.isEmpty { cards[0].warnings = sender.warnings }
        var body = KPICard.section(cards)
        body += QualityWarning.list(sender.warnings)
        body += HTMLRenderer().trends(trend, id: "trend", heading: "Daily trend")
        body += HTMLRenderer().section(id: ReportSite.campaignsView, table: site.table(site.campaigns(of: sender), from: root),
                                       empty: "No campaigns")
        body += HTMLRenderer().section(id: "report_weekly", table: site.table(site.weeks(of: sender), from: root),
                                       empty: "No weekly activity yet")
        body += Self.load(site.load(of: sender))
        body += "<section id=\"reply-time\"><h2>Time to reply</h2>"
        if times.rows.isEmpty {
            body += "<p class=\"empty\">No replies yet</p></section>\n"
        } else {
            body += "<p>\(times.value("replied_threads", row: 0).plainText.htmlEscaped) replied conversations. "
                + "Time from a conversation&#39;s first message sent to the first reply after it.</p>"
                + HTMLTable(times).html + "</section>\n"
        }
        body += replies.html(name: { _, _ in sender.title }, table: { site.table($0, from: root) })
        body += threads.section(site: site, root: root)
        return HTMLPage(
            title: "Sender \(sender.title) - Outreach report", root: root,
            breadcrumbs: [(root + "index.html", "Outreach report"), (root + "index.html#report_sender_summary", "All senders")],
            header: header, body: body
        ).render(site.model)
    }

    /// Page 2 or later of the sender's threads.
    func render(more threads: ThreadPage) -> String {
        let root = Self.root
        let header = """
            <header><h1>\(sender.title.htmlEscaped)</h1><p class="meta">Threads of sender \(sender.id.htmlEscaped) of \
            source \(sender.source.htmlEscaped), page \(threads.number) of \(threads.pageCount)</p></header>

            """
        return HTMLPage(
            title: "Sender \(sender.title) threads, page \(threads.number) - Outreach report", root: root,
            breadcrumbs: [(root + "index.html", "Outreach report"), (root + "index.html#report_sender_summary", "All senders"),
                          (root + sender.path, "Sender \(sender.title)")],
            header: header, body: threads.section(site: site, root: root)
        ).render(site.model)
    }

    /// The sender's last weeks against its weekly caps, the weeks over a cap named.
    static func load(_ load: ReportTable) -> String {
        var html = "<section id=\"weekly-load\"><h2>Weekly load against the caps</h2>"
        guard !load.rows.isEmpty else { return html + "<p class=\"empty\">No weekly activity yet</p></section>\n" }
        let last = load.rows.count - 1
        html += "<p>Invitations and messages sent each ISO week as a share of the weekly caps (\(load.value("invitation_cap", row: last).plainText.htmlEscaped) "
            + "invitations, \(load.value("message_cap", row: last).plainText.htmlEscaped) messages): LinkedIn restricts accounts that "
            + "go far past them.</p>\n"
        let over = load.rows.indices.suffix(WeeklyLoadChart.weeks).filter { load.value("over_cap", row: $0).number == 1 }
            .map { load.value("iso_week", row: $0).plainText }
        if !over.isEmpty {
            html += "<p class=\"warning\">Over a cap in \(over.joined(separator: ", ").htmlEscaped).</p>\n"
        }
        return html + WeeklyLoadChart(title: "The last \(WeeklyLoadChart.weeks) weeks against the caps", load: load).svg + "</section>\n"
    }
}
