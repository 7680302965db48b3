import GRDB

/// The pages below the index, each made from one pass over a long view in an order that brings each subject's rows
/// together: only one campaign's days or one page of one sender's threads is in memory at a time.
extension HTMLRenderer {
    /// What the passes counted, for the index.
    struct PassTotals {
        var dailyRows = 0
        var threads = 0
    }

    static let dailyView = "report_daily_activity"
    static let threadsView = "report_threads"

    /// Renders every page below the index, handing each to `body`; returns the rows the passes read.
    func subjectPages(_ site: ReportSite, in db: Database, _ body: (_ path: String, _ html: String) throws -> Void) throws -> PassTotals {
        var totals = PassTotals()
        let trends = try campaignPages(site, in: db, rows: &totals.dailyRows, body)
        totals.threads = try senderPages(site, trends: trends, in: db, body)
        return totals
    }

    /// One page per campaign, from one pass over report_daily_activity by campaign, each rendered when its rows
    /// end (campaigns without rows after); sums every sender's days on the way and returns them, by sender key.
    private func campaignPages(
        _ site: ReportSite, in db: Database, rows: inout Int, _ body: (String, String) throws -> Void
    ) throws -> [String: DailyTotals] {
        var senderTrends: [String: DailyTotals] = [:]
        var rendered: Set<String> = []
        func render(_ key: String, _ trend: DailyTotals) throws {
            guard let campaign = site.campaign(key: key), rendered.insert(key).inserted else { return }
            try body(campaign.path, CampaignPage(campaign: campaign, site: site).render(trend: trend.table))
        }
        if let daily = site.model.view(Self.dailyView) {
            let columns = DailyTotals.Columns(daily.columns)
            func index(_ name: String) -> Int? { daily.columns.firstIndex { $0.name == name } }
            let source = index("source"), sender = index("sender_id"), campaign = index("campaign_id")
            let cursor = try daily.cursor(in: db, orderedBy: "source, campaign_id, date")
            var current: (key: String, trend: DailyTotals)?
            while let row = try cursor.next() {
                rows += 1
                let from = Self.text(row, source)
                senderTrends[ReportSite.key(from, Self.text(row, sender)), default: DailyTotals()].add(row, columns)
                let key = ReportSite.key(from, Self.text(row, campaign))
                if let done = current, done.key != key {
                    try render(done.key, done.trend)
                    current = nil
                }
                if current == nil { current = (key, DailyTotals()) }
                current?.trend.add(row, columns)
            }
            if let done = current { try render(done.key, done.trend) }
        }
        for campaign in site.campaigns where !rendered.contains(campaign.key) {
            try render(campaign.key, DailyTotals())
        }
        return senderTrends
    }

    /// Each sender's page with the first page of its threads, and its further pages of threads, from one pass over
    /// report_threads by sender, the latest activity first (senders without threads after); returns the threads read.
    private func senderPages(
        _ site: ReportSite, trends: [String: DailyTotals], in db: Database, _ body: (String, String) throws -> Void
    ) throws -> Int {
        var rendered: Set<String> = []
        var threads = 0
        /// Renders page `number` of the sender `key`'s threads; the first page is the sender's own page.
        func render(_ key: String, number: Int, rows: ReportTable, hasNext: Bool, total: Int) throws {
            guard let sender = site.sender(key: key) else { return }
            let page = ThreadPage(source: sender.source, id: sender.id, number: number, rows: rows, hasNext: hasNext,
                                  total: total)
            let html = number == 1
                ? SenderPage(sender: sender, site: site).render(trend: trends[key]?.table ?? DailyTotals().table, threads: page)
                : SenderPage(sender: sender, site: site).render(more: page)
            try body(page.path, html)
        }
        if let view = site.model.view(Self.threadsView) {
            var counts: [String: Int] = [:]
            for (values, count) in try view.counts(in: db, by: ["source", "sender_id"]) {
                counts[ReportSite.key(values.map(\.plainText)), default: 0] += count
            }
            func index(_ name: String) -> Int? { view.columns.firstIndex { $0.name == name } }
            let source = index("source"), sender = index("sender_id")
            guard case let .sql(latest) = IndexSelection.of(Self.threadsView).rank else { return 0 }
            let cursor = try view.cursor(in: db, orderedBy: "source, sender_id, " + latest)
            /// The sender being read, the page its rows go to, and those rows; `skip` for a sender already rendered.
            var current: (key: String, number: Int, rows: [[CellValue]], skip: Bool)?
            func flush(hasNext: Bool) throws {
                guard let page = current, !page.skip else { return }
                try render(page.key, number: page.number, rows: ReportTable(name: view.name, columns: view.columns, rows: page.rows),
                           hasNext: hasNext, total: counts[page.key] ?? 0)
            }
            while let row = try cursor.next() {
                threads += 1
                let key = ReportSite.key(Self.text(row, source), Self.text(row, sender))
                if let page = current, page.key != key {
                    try flush(hasNext: false)
                    current = nil
                }
                if current == nil {
                    current = (key, 1, [], !rendered.insert(key).inserted)
                } else if let page = current, page.rows.count == ThreadPage.rowsPerPage {
                    try flush(hasNext: true)
                    current = (key, page.number + 1, [], page.skip)
                }
                current?.rows.append(row)
            }
            try flush(hasNext: false)
        }
        let empty = ReportTable(name: Self.threadsView, columns: site.model.view(Self.threadsView)?.columns ?? [], rows: [])
        for sender in site.senders where rendered.insert(sender.key).inserted {
            try render(sender.key, number: 1, rows: empty, hasNext: false, total: 0)
        }
        return threads
    }

    /// The plain text of `row`'s cell at `index`, empty when there is none.
    private static func text(_ row: [CellValue], _ index: Int?) -> String {
        guard let index, row.indices.contains(index) else { return "" }
        return row[index].plainText
    }
}
