import Foundation

/// Renders the report model as self-contained, offline, XHTML-compatible pages: `index.html`, one page per
/// sender under `senders/` and one per campaign under `campaigns/`, linked both ways with relative hrefs.
struct HTMLRenderer {
    /// Headings for the contract views; the view name is shown beside them.
    static let viewTitles = [
        "report_sender_summary": "Senders",
        "report_campaign_summary": "Campaigns",
        "report_daily_activity": "Daily activity",
        "report_request_outcomes": "Request outcomes",
        "report_threads": "Threads",
        "report_weekly": "Weekly activity",
        "report_campaign_type_summary": "Campaign types",
        "report_cohort_acceptance": "Acceptance by invitation cohort",
        "report_people_reached": "People reached",
        "report_quality_warnings": "Data-quality warnings",
    ]
    /// The headline figures: label, the report_kpis column they show, and a caption saying what the figure is, if any.
    static let kpiCards: [(label: String, column: String, caption: String?)] = [
        ("Requests sent", "requests_sent", nil), ("Requests accepted", "requests_accepted", nil),
        ("Acceptance rate", "acceptance_rate", nil), ("Messages sent", "messages_sent", nil),
        ("Messages replied", "messages_replied", nil), ("Response rate", "response_rate", nil),
        ("Median time to reply", "median_reply_minutes",
         "Half of the replied conversations got their first reply within this time of the first message sent."),
        ("90th percentile time to reply", "p90_reply_minutes",
         "9 in 10 replied conversations got their first reply within this time of the first message sent."),
    ]

    /// Every page of the report: its path relative to the reports folder (`index.html` last) and its markup.
    func pages(_ model: ReportModel) -> [(path: String, html: String)] {
        var pages: [(path: String, html: String)] = []
        forEachPage(model) { pages.append(($0, $1)) }
        return pages
    }

    /// Renders the pages one at a time (`index.html` last), handing each to `body` before the
    /// next, so only one page's markup is held at once.
    func forEachPage(_ model: ReportModel, _ body: (_ path: String, _ html: String) throws -> Void) rethrows {
        let site = ReportSite(model)
        for sender in site.senders { try body(sender.path, SenderPage(sender: sender, site: site).render()) }
        for campaign in site.campaigns { try body(campaign.path, CampaignPage(campaign: campaign, site: site).render()) }
        try body("index.html", render(model))
    }

    /// The index page.
    func render(_ model: ReportModel) -> String {
        let site = ReportSite(model)
        let generated = ISO8601DateFormatter().string(from: model.generatedAt)
        let header = """
            <header><h1>Outreach report</h1><p>Generated <time datetime="\(generated)">\(generated)</time></p>\
            <nav class="toc"><ul><li><a href="#kpis">Headline figures</a></li><li><a href="#trend">Trend</a></li>\
            <li><a href="#acceptance">Acceptance per sender</a></li><li><a href="#funnel">Funnel</a></li>\
            <li><a href="#reply-time">Time to reply</a></li><li><a href="#report_sender_summary">Senders</a></li>\
            <li><a href="#report_campaign_summary">Campaigns</a></li><li><a href="#provenance">Provenance</a></li></ul></nav>\
            </header>

            """
        var html = kpis(model)
        html += trends(model.dailyTrend, id: "trend", heading: "Daily trend")
        html += acceptance(site)
        html += funnel(site)
        html += outcomes(model.views.first { $0.name == "report_request_outcomes" })
        html += replyTimes(model)
        html += weekly(site)
        html += section(id: "report_campaign_type_summary", table: HTMLTable(model.campaignTypes),
                        empty: "No campaign types yet")
        html += cohorts(model.cohortAcceptance)
        html += people(model.peopleReached)
        html += Self.method
        if !model.warnings.rows.isEmpty {
            var warnings = HTMLTable(model.warnings)
            warnings.links["subject_name"] = { row in site.page(ofWarning: site.warnings[row], from: "") }
            html += section(id: "report_quality_warnings", table: warnings)
        }
        html += "<nav><ul>"
        for view in model.views {
            html += "<li><a href=\"#\(view.name.htmlEscaped)\">\(title(of: view.name).htmlEscaped)</a></li>"
        }
        html += "</ul></nav>\n"
        for view in model.views {
            html += section(id: view.name, table: site.table(view, from: ""))
        }
        return HTMLPage(title: "Outreach report", root: "", header: header, body: html).render(model)
    }

    func title(of view: String) -> String {
        Self.viewTitles[view] ?? view
    }

    /// A titled section holding one view's table, its row count, or `empty` instead when it has no rows.
    func section(id: String, table: HTMLTable, empty: String? = nil, intro: String? = nil) -> String {
        let view = table.table
        var html = "<section id=\"\(id.htmlEscaped)\"><h2>\(title(of: view.name).htmlEscaped) "
            + "<code>\(view.name.htmlEscaped)</code></h2>"
        if let empty, view.rows.isEmpty {
            return html + "<p class=\"empty\">\(empty.htmlEscaped)</p></section>\n"
        }
        html += intro.map { "<p>\($0.htmlEscaped)</p>" } ?? ""
        html += "<p class=\"rows\">\(view.rows.count) rows</p>\n\(table.html)</section>\n"
        return html
    }

    /// A card per headline figure, with its change from the previous week under the counts and rates.
    private func kpis(_ model: ReportModel) -> String {
        KPICard.section(Self.kpiCards.map { label, column, caption in
            var card = KPICard(label: label, column: column, in: model.kpis, caption: caption)
            card.delta = KPIDelta(figure: column, in: model.kpiChanges)
            return card
        })
    }

    /// The acceptance rate per sender as bars, every sender of report_sender_summary.
    private func acceptance(_ site: ReportSite) -> String {
        var html = "<section id=\"acceptance\"><h2>Acceptance rate per sender</h2>"
        guard !site.senders.isEmpty else { return html + "<p class=\"empty\">No senders yet</p></section>\n" }
        html += "<p>Requests accepted / requests sent, over each sender&#39;s whole history; n/a where the vendor "
            + "does not say whether an invitation was accepted.</p>\n"
        let bars = site.senders.map { sender in
            let accepted = sender.value("requests_accepted").plainText, sent = sender.value("requests_sent").plainText
            return RateBarChart.Bar(label: sender.title, rate: sender.value("acceptance_rate").number,
                                    detail: "\(accepted.isEmpty ? "n/a" : accepted) of \(sent.isEmpty ? "n/a" : sent) requests accepted")
        }
        return html + RateBarChart(title: "Acceptance rate per sender", bars: bars).svg + "</section>\n"
    }

    /// The funnel over every campaign.
    private func funnel(_ site: ReportSite) -> String {
        let chart = FunnelChart(title: "Funnel over all campaigns", rows: site.funnelRows)
        return Self.funnelSection(chart)
    }

    /// A funnel chart in its section, or a note when no campaign has counters.
    static func funnelSection(_ chart: FunnelChart) -> String {
        var html = "<section id=\"funnel\"><h2>Funnel</h2>"
        guard chart.hasData else { return html + "<p class=\"empty\">No campaign counters yet</p></section>\n" }
        html += "<p>Campaign members, then requests sent, accepted, conversations messaged and replied; requests "
            + "as a share of members, accepted of requests sent and replied of messaged. A step a vendor does not "
            + "report counts the campaigns that do.</p>\n"
        return html + chart.svg + "</section>\n"
    }

    /// The weekly breakdown, sender ids linked to their pages.
    private func weekly(_ site: ReportSite) -> String {
        section(id: "report_weekly", table: site.table(site.model.weekly, from: ""), empty: "No weekly activity yet")
    }

    /// Invitation cohorts, or a note when no vendor gives per-invitation outcomes.
    private func cohorts(_ table: ReportTable) -> String {
        section(id: "report_cohort_acceptance", table: HTMLTable(table), empty: "No per-invitation outcomes yet",
                intro: "Of the invitations sent in each ISO week, the share accepted so far; invitations still pending "
                    + "count as not accepted, and the pending column says how many there are.")
    }

    /// People reached through any source, each counted once, by how many sources reached them.
    private func people(_ table: ReportTable) -> String {
        let total = table.rows.indices.reduce(0) { $0 + Int(table.value("people", row: $1).number ?? 0) }
        let several = table.rows.indices.reduce(0) { sum, row in
            sum + ((table.value("sources", row: row).number ?? 0) > 1 ? Int(table.value("people", row: row).number ?? 0) : 0)
        }
        return section(id: "report_people_reached", table: HTMLTable(table), empty: "No prospects identified yet",
                       intro: "\(total) people were reached, each counted once however many vendors reached them "
                           + "(by their LinkedIn public id); \(several) of them through more than one source. "
                           + "Each row counts the people reached through that many sources.")
    }

    /// The daily lines of requests/accepts and messages/replies of `trend` (date and the four counts).
    func trends(_ trend: ReportTable, id: String, heading: String) -> String {
        let dates = trend.rows.indices.map { trend.value("date", row: $0).plainText }
        func series(_ label: String, _ column: String, _ color: String) -> TrendChart.Series {
            .init(label: label, color: color, values: trend.rows.indices.map { trend.value(column, row: $0).number })
        }
        let requests = TrendChart(title: "Connection requests sent and accepted per day", dates: dates, series: [
            series("Requests sent", "requests_sent", "#2563eb"),
            series("Requests accepted", "requests_accepted", "#16a34a"),
        ])
        let messages = TrendChart(title: "Messages sent and replied per day", dates: dates, series: [
            series("Messages sent", "messages_sent", "#9333ea"),
            series("Messages replied", "messages_replied", "#ea580c"),
        ])
        return "<section id=\"\(id)\"><h2>\(heading.htmlEscaped)</h2>"
            + "<h3 class=\"chart-title\">\(requests.title.htmlEscaped)</h3>\(requests.svg)\n"
            + "<h3 class=\"chart-title\">\(messages.title.htmlEscaped)</h3>\(messages.svg)</section>\n"
    }
}
