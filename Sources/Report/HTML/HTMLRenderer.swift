import Chronology
import Foundation
import GRDB

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
        "report_replies": "Replied threads by class",
        "report_reply_quality": "Reply quality per sender",
        "report_follow_up_steps": "Follow-up steps per sender",
        "report_send_time": "Send times",
        "report_follow_up_step_totals": "Follow-up steps",
        "report_campaign_steps": "Campaign steps",
        "report_pending_invitations": "Pending invitations",
        "report_sender_weekly_load": "Weekly load against the caps",
        "report_kpi_periods": "Headline figures by period",
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
        ("Genuine response rate", "genuine_response_rate", ReplyAnalysis.definitions[0]),
        ("Positive reply rate", "positive_reply_rate", ReplyAnalysis.definitions[1]),
    ]

    /// The data files written beside the pages, which the index links for every row of a view it shows in part.
    var dataFormats: Set<ReportFormat> = [.csv, .xlsx]

    /// Every page of the report: its path relative to the reports folder (`index.html` last) and its markup.
    func pages(_ model: ReportModel) throws -> [(path: String, html: String)] {
        var pages: [(path: String, html: String)] = []
        try forEachPage(model) { pages.append(($0, $1)) }
        return pages
    }

    /// Renders the pages one at a time (the campaigns', the senders' and their threads', `index.html` last), handing
    /// each to `body` before the next, so only one page's markup is held at once. Everything is read in one read
    /// transaction of the model's snapshot.
    func forEachPage(_ model: ReportModel, _ body: (_ path: String, _ html: String) throws -> Void) throws {
        try model.read { db in
            let site = try ReportSite(model, in: db)
            let totals = try subjectPages(site, in: db, body)
            try body("index.html", index(site, in: db, totals: [Self.dailyView: totals.dailyRows, Self.threadsView: totals.threads]))
        }
    }

    /// The index page.
    func render(_ model: ReportModel) throws -> String {
        try model.read { db in try index(ReportSite(model, in: db), in: db, totals: [:]) }
    }

    /// The index page of `site`; `totals` gives the row counts of long views already counted.
    private func index(_ site: ReportSite, in db: Database, totals: [String: Int]) throws -> String {
        let model = site.model
        let generated = model.generatedAt.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        let header = """
            <header><h1>Outreach report</h1><p>Generated <time datetime="\(generated)">\(generated)</time></p>\
            <nav class="toc"><ul><li><a href="#kpis">Headline figures</a></li><li><a href="#trend">Trend</a></li>\
            <li><a href="#acceptance">Acceptance per sender</a></li><li><a href="#funnel">Funnel</a></li>\
            <li><a href="#reply-time">Time to reply</a></li><li><a href="#reply-classes">Reply classes</a></li>\
            <li><a href="#follow-up-steps">Follow-up steps</a></li><li><a href="#send-time">When to send</a></li>\
            <li><a href="#report_sender_summary">Senders</a></li>\
            <li><a href="#report_campaign_summary">Campaigns</a></li><li><a href="#provenance">Provenance</a></li></ul></nav>\
            </header>

            """
        var html = periods(model)
        html += acceptance(site)
        html += funnel(site)
        html += outcomes(site.outcomes)
        html += replyTimes(site)
        html += site.replyAnalysis.html(name: { source, id in site.sender(key: ReportSite.key(source, id))?.title ?? id },
                                        table: { site.table($0, from: "") })
        html += weekly(site)
        html += capped(model.campaignTypes, id: "report_campaign_type_summary", empty: "No campaign types yet")
        html += cohorts(model.cohortAcceptance)
        html += people(model.peopleReached)
        html += Self.method
        if !model.warnings.rows.isEmpty {
            var warnings = HTMLTable(IndexSelection.of(ReportModel.warningsView).rows(of: model.warnings))
            warnings.links["subject_name"] = { row in site.page(ofWarning: site.warnings[row], from: "") }
            html += section(id: "report_quality_warnings", table: warnings, total: model.warnings.rows.count)
        }
        html += "<nav><ul>"
        for view in model.views {
            html += "<li><a href=\"#\(view.name.htmlEscaped)\">\(title(of: view.name).htmlEscaped)</a></li>"
        }
        html += "</ul></nav>\n"
        let held = [ReportSite.sendersView: site.senderSummary, ReportSite.campaignsView: site.campaignSummary,
                    ReportSite.outcomesView: site.outcomes]
        for view in model.views {
            let shown: ReportTable, total: Int
            if let table = held[view.name] {
                (shown, total) = (IndexSelection.of(view.name).rows(of: table), table.rows.count)
            } else {
                total = try totals[view.name] ?? view.count(in: db)
                shown = try IndexSelection.of(view.name).rows(of: view, total: total, in: db)
            }
            html += section(id: view.name, table: site.table(shown, from: ""), total: total, elsewhere: elsewhere(view.name))
        }
        html += everyPage(site)
        return HTMLPage(title: "Outreach report", root: "", header: header, body: html).render(model)
    }

    func title(of view: String) -> String {
        Self.viewTitles[view] ?? view
    }

    /// A titled section holding one view's table, its row count, or `empty` instead when it has no rows. With a
    /// `total` above the rows shown, it says which of them are shown; `elsewhere` (markup) says where every row is.
    func section(id: String, table: HTMLTable, empty: String? = nil, intro: String? = nil, total: Int? = nil,
                 elsewhere: String? = nil) -> String {
        let view = table.table
        var html = "<section id=\"\(id.htmlEscaped)\"><h2>\(title(of: view.name).htmlEscaped) "
            + "<code>\(view.name.htmlEscaped)</code></h2>"
        if let empty, view.rows.isEmpty {
            return html + "<p class=\"empty\">\(empty.htmlEscaped)</p></section>\n"
        }
        html += intro.map { "<p>\($0.htmlEscaped)</p>" } ?? ""
        let caption = IndexSelection.of(view.name).caption(shown: view.rows.count, total: max(total ?? 0, view.rows.count))
        html += "<p class=\"rows\">\(caption.htmlEscaped)</p>\n"
        html += elsewhere.map { "<p class=\"files\">\($0)</p>\n" } ?? ""
        html += "\(table.html)</section>\n"
        return html
    }

    /// A table held in memory in a section of the index, at most `IndexSelection.limit` of its rows.
    private func capped(_ table: ReportTable, id: String, empty: String, intro: String? = nil) -> String {
        section(id: id, table: HTMLTable(IndexSelection.of(table.name).rows(of: table)), empty: empty, intro: intro,
                total: table.rows.count)
    }

    /// Where every row of a contract view is (markup): its CSV file and its sheet of the workbook, when they are
    /// written, and the pages that list each sender's or campaign's rows.
    func elsewhere(_ view: String) -> String? {
        var files: [String] = []
        if dataFormats.contains(.csv) {
            let file = "\(view).csv".htmlEscaped
            files.append("<a href=\"\(file)\">\(file)</a>")
        }
        if dataFormats.contains(.xlsx) {
            files.append("the sheet <q>\(view.htmlEscaped)</q> of <a href=\"report.xlsx\">report.xlsx</a>")
        }
        let pages = Self.subjectPages[view]
        guard !files.isEmpty || pages != nil else { return nil }
        var text = files.isEmpty ? "" : "Every row is in " + files.joined(separator: " and on ")
        if let pages {
            text += (text.isEmpty ? pages.prefix(1).uppercased() + pages.dropFirst() : "; " + pages).htmlEscaped
        }
        return text + "."
    }

    /// What the sender and campaign pages hold of each contract view.
    private static let subjectPages = [
        "report_sender_summary": "each sender has its page, linked from its name",
        "report_campaign_summary": "each sender's page lists its campaigns, and each campaign has its page",
        "report_daily_activity": "each sender's and each campaign's page draws its daily trend",
        "report_threads": "each sender's page lists its threads, \(IndexSelection.grouped(ThreadPage.rowsPerPage)) to a page",
    ]

    /// Links to every sender's page (and to the campaigns no sender page lists) when the tables above show only some.
    private func everyPage(_ site: ReportSite) -> String {
        let limit = IndexSelection.limit
        let orphans = site.campaigns.count > limit
            ? site.campaigns.filter { site.senderPage(source: $0.source, id: $0.value("sender_id").plainText, from: "") == nil }
            : []
        guard site.senders.count > limit || !orphans.isEmpty else { return "" }
        var html = "<section id=\"pages\"><h2>Every sender</h2><p>The tables above show at most \(limit) senders and "
            + "\(limit) campaigns; every sender&#39;s page is linked here, and lists the sender&#39;s campaigns.</p>\n"
        func links(_ entities: [ReportSite.Entity]) -> String {
            "<nav class=\"pages\"><ul>"
                + entities.map { "<li><a href=\"\($0.path.htmlEscaped)\">\($0.title.htmlEscaped)</a></li>" }.joined()
                + "</ul></nav>\n"
        }
        html += links(site.senders)
        if !orphans.isEmpty {
            html += "<h3>Campaigns without a sender page</h3>\n" + links(orphans)
        }
        return html + "</section>\n"
    }

    /// The presets of the headline figures and the trend charts: the last 7, 30 and 90 days of the data and all
    /// time, each pre-rendered; the page's script shows the one the URL fragment names (`#period=30d`), and without
    /// JavaScript all time shows.
    private func periods(_ model: ReportModel) -> String {
        let presets = model.kpiPeriods
        let trend = model.dailyTrend
        let lastDay = trend.rows.indices.last.flatMap { CivilDate(iso: trend.value("date", row: $0).plainText) }
        var html = "<nav class=\"presets\" aria-label=\"Period\">" + Self.periods.map { period in
            "<a href=\"#period=\(period.key)\" data-period=\"\(period.key)\"\(period.days == nil ? " aria-current=\"true\"" : "")>"
                + "\(period.label.htmlEscaped)</a>"
        }.joined(separator: " ") + "</nav>\n"
        for period in Self.periods {
            guard let days = period.days else {
                html += "<div class=\"preset\" data-period=\"all\">" + kpis(model)
                    + trends(trend, id: "trend", heading: "Daily trend") + "</div>\n"
                continue
            }
            let row = presets.rows.indices.first { presets.value("period", row: $0).plainText == period.view }
            let cards = Self.kpiCards.map { label, column, caption in
                row.map { KPICard(label: label, column: column, row: $0, in: presets, caption: caption) }
                    ?? KPICard(label: label, column: column, in: ReportTable(name: presets.name, columns: [], rows: []), caption: caption)
            }
            let after = lastDay?.adding(days: -days).iso ?? ""
            let recent = trend.filtered { trend.value("date", row: $0).plainText > after }
            html += "<div class=\"preset\" data-period=\"\(period.key)\" hidden=\"hidden\">"
                + KPICard.section(cards, id: "kpis-\(period.key)")
                + trends(recent, id: "trend-\(period.key)", heading: "Daily trend, \(period.label.lowercased())") + "</div>\n"
        }
        return html
    }

    /// The presets: the fragment's key, the label, the row of report_kpi_periods, and the days (nil: all time).
    static let periods: [(key: String, label: String, view: String, days: Int?)] = [
        ("7d", "Last 7 days", "last_7_days", 7), ("30d", "Last 30 days", "last_30_days", 30),
        ("90d", "Last 90 days", "last_90_days", 90), ("all", "All time", "all_time", nil),
    ]

    /// A card per headline figure, with its change from the previous week under the counts and rates.
    private func kpis(_ model: ReportModel) -> String {
        KPICard.section(Self.kpiCards.map { label, column, caption in
            var card = KPICard(label: label, column: column, in: model.kpis, caption: caption)
            card.delta = KPIDelta(figure: column, in: model.kpiChanges)
            return card
        })
    }

    /// The acceptance rate per sender as bars: every sender of report_sender_summary, or the
    /// `IndexSelection.limit` that sent the most requests when there are more.
    private func acceptance(_ site: ReportSite) -> String {
        var html = "<section id=\"acceptance\"><h2>Acceptance rate per sender</h2>"
        guard !site.senders.isEmpty else { return html + "<p class=\"empty\">No senders yet</p></section>\n" }
        html += "<p>Requests accepted / requests sent, over each sender&#39;s whole history; n/a where the vendor "
            + "does not say whether an invitation was accepted.</p>\n"
        let shown = IndexSelection.of(ReportSite.sendersView).rows(of: site.senderSummary)
        if shown.rows.count < site.senderSummary.rows.count {
            html += "<p class=\"rows\">The \(shown.rows.count) senders with the most requests sent, of "
                + "\(IndexSelection.grouped(site.senderSummary.rows.count)).</p>\n"
        }
        let bars = shown.rows.indices.map { row in
            let accepted = shown.value("requests_accepted", row: row).plainText
            let sent = shown.value("requests_sent", row: row).plainText
            let name = shown.value("sender_name", row: row).plainText
            return RateBarChart.Bar(label: name.isEmpty ? shown.value("sender_id", row: row).plainText : name,
                                    rate: shown.value("acceptance_rate", row: row).number,
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
        let weekly = site.model.weekly
        return section(id: "report_weekly", table: site.table(IndexSelection.of(weekly.name).rows(of: weekly), from: ""),
                       empty: "No weekly activity yet", total: weekly.rows.count,
                       elsewhere: weekly.rows.count > IndexSelection.limit ? "Each sender&#39;s page lists its weeks." : nil)
    }

    /// Invitation cohorts, or a note when no vendor gives per-invitation outcomes.
    private func cohorts(_ table: ReportTable) -> String {
        capped(table, id: "report_cohort_acceptance", empty: "No per-invitation outcomes yet",
                intro: "Of the invitations sent in each ISO week, the share accepted so far; invitations still pending "
                    + "count as not accepted, and the pending column says how many there are.")
    }

    /// People reached through any source, each counted once, by how many sources reached them.
    private func people(_ table: ReportTable) -> String {
        let total = table.rows.indices.reduce(0) { $0 + Int(table.value("people", row: $1).number ?? 0) }
        let several = table.rows.indices.reduce(0) { sum, row in
            sum + ((table.value("sources", row: row).number ?? 0) > 1 ? Int(table.value("people", row: row).number ?? 0) : 0)
        }
        return capped(table, id: "report_people_reached", empty: "No prospects identified yet",
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
