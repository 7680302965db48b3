import Foundation
import GRDB
import Warehouse

/// What a report shows: the summary views, read once into memory (a row per figure, day, week, sender or
/// campaign), and the five contract views, whose rows stay in the warehouse and are read through a cursor by each
/// format that needs them. Renderers only format it.
public struct ReportModel: Sendable {
    /// The contract views, in contract order: the first round's five, then the reply analysis.
    public static let contractViews = ReportingViews.contractViews
    /// The views every format writes whole (a CSV file, a sheet, an index section): the contract's, then the
    /// account-health views.
    public static let fileViews = contractViews + ReportingViews.healthViews
    static let kpiView = "report_kpis"
    static let kpiPeriodsView = "report_kpi_periods"
    static let dailyTrendView = "report_daily_trend"
    static let warningsView = "report_quality_warnings"
    static let replyTimeView = "report_reply_time"
    static let replyDistributionView = "report_reply_time_distribution"
    static let kpiChangesView = "report_kpi_changes"
    static let funnelView = "report_funnel"
    static let weeklyView = "report_weekly"
    static let campaignTypeView = "report_campaign_type_summary"
    static let cohortView = "report_cohort_acceptance"
    static let peopleView = "report_people_reached"
    static let replyQualityView = "report_reply_quality"
    static let followUpStepsView = "report_follow_up_steps"
    static let stepTotalsView = "report_follow_up_step_totals"
    static let sendTimeTotalsView = "report_send_time_totals"
    static let sendTimeBySenderView = "report_send_time_by_sender"
    static let campaignStepsView = "report_campaign_steps"
    static let weeklyLoadView = "report_sender_weekly_load"

    public let generatedAt: Date
    /// The views written whole (`fileViews`), in that order: their columns; their rows are read through `read`.
    public let views: [ReportView]
    /// One row: requests_sent, requests_accepted, acceptance_rate, messages_sent, messages_replied, response_rate,
    /// median_reply_minutes, p90_reply_minutes.
    public var kpis: ReportTable { summaries.table(Self.kpiView) }
    /// Four rows, the headline figures over the last 7, 30 and 90 days of the data and over all time: period, then
    /// the columns of `kpis`.
    public var kpiPeriods: ReportTable { summaries.table(Self.kpiPeriodsView) }
    /// One row per date: date, requests_sent, requests_accepted, messages_sent, messages_replied.
    public var dailyTrend: ReportTable { summaries.table(Self.dailyTrendView) }
    /// source, scope, subject_id, subject_name, check_name, detail.
    public var warnings: ReportTable { summaries.table(Self.warningsView) }
    /// One row per sender with replies: source, sender_id, replied_threads, median_minutes, p90_minutes.
    public var replyTimes: ReportTable { summaries.table(Self.replyTimeView) }
    /// Six rows, shortest first: bucket, threads (replied conversations by time to the first reply).
    public var replyDistribution: ReportTable { summaries.table(Self.replyDistributionView) }
    public var sources: [SourceHealth]
    /// One row per headline figure: figure, this_week, last_week, change (the last complete ISO week vs the one before).
    public var kpiChanges: ReportTable { summaries.table(Self.kpiChangesView) }
    /// One row per campaign: source, campaign_id, campaign_name, members, requests_sent, requests_accepted,
    /// messages_sent, messages_replied.
    public var funnel: ReportTable { summaries.table(Self.funnelView) }
    /// iso_week, source, sender_id, the counts and both rates.
    public var weekly: ReportTable { summaries.table(Self.weeklyView) }
    /// source, campaign_type, campaigns, the counts and both rates.
    public var campaignTypes: ReportTable { summaries.table(Self.campaignTypeView) }
    /// source, cohort_week, invitations, accepted, pending, acceptance_rate; empty without per-invitation outcomes.
    public var cohortAcceptance: ReportTable { summaries.table(Self.cohortView) }
    /// sources, people, invited, accepted, messaged, replied: each person reached counted once, by
    /// how many sources reached them.
    public var peopleReached: ReportTable { summaries.table(Self.peopleView) }
    /// The reply analysis: per sender (report_reply_quality, report_follow_up_steps, report_send_time_by_sender)
    /// and over everyone (the step and send-time totals), each as long as senders x steps or senders x 168 hours.
    public var replyQuality: ReportTable { summaries.table(Self.replyQualityView) }
    public var followUpSteps: ReportTable { summaries.table(Self.followUpStepsView) }
    public var stepTotals: ReportTable { summaries.table(Self.stepTotalsView) }
    public var sendTimeTotals: ReportTable { summaries.table(Self.sendTimeTotalsView) }
    public var sendTimeBySender: ReportTable { summaries.table(Self.sendTimeBySenderView) }
    /// Each campaign's steps (as long as campaigns x steps), and each sender's weeks against its caps (senders x weeks).
    public var campaignSteps: ReportTable { summaries.table(Self.campaignStepsView) }
    public var weeklyLoad: ReportTable { summaries.table(Self.weeklyLoadView) }
    /// The summary views, read while the formats write (see `SummaryLoader`).
    private let summaries: SummaryLoader
    /// Where the contract views' rows are read: a snapshot of the warehouse taken by `load`, so every format
    /// reads the same data as the summaries.
    let database: any DatabaseReader

    /// Reads the contract views' columns, and starts reading the summary views (`SELECT *`, the views carry their own
    /// order). From a `DatabasePool` it first takes a snapshot, which the model keeps open until it is released, so
    /// the rows the formats stream later are those of the same moment; the summaries are then read beside the
    /// formats, from a second snapshot of that moment, and asking for one waits for it.
    ///
    /// Only the summaries that `formats` show are read (`summaryViews(shownBy:)`); the others are empty tables, so a
    /// CSV report does not wait for every summary view to be computed.
    public static func load(
        from db: any DatabaseReader, generatedAt: Date, sources: [SourceHealth], formats: [ReportFormat] = ReportFormat.allCases
    ) throws -> ReportModel {
        let shown = formats.reduce(into: Set<String>()) { $0.formUnion(summaryViews(shownBy: $1)) }
        let reader: any DatabaseReader, summaryReader: any DatabaseReader
        if let pool = db as? DatabasePool {
            // Two snapshots of one moment, one for the formats and one for the summaries beside them: no commit can
            // come between them, since this process's writer is held while both are taken and every other etl
            // command that changes the star schema holds the warehouse lock that a report holds.
            (reader, summaryReader) = try ReportView.query("the reporting views") {
                try pool.writeWithoutTransaction { _ in (try pool.makeSnapshot(), try pool.makeSnapshot()) }
            }
        } else {
            (reader, summaryReader) = (db, db)
        }
        return try ReportView.query("the reporting views") {
            let views = try reader.read { db in try fileViews.map { try ReportView.named($0, in: db) } }
            let summaries = try SummaryLoader(summaryReader, shown: summaryOrder.filter(shown.contains), all: summaryOrder,
                                              inBackground: db is DatabasePool)
            return ReportModel(generatedAt: generatedAt, views: views, sources: sources, summaries: summaries, database: reader)
        }
    }

    /// Waits for the summaries the formats show, and throws when one of them could not be read.
    func checkSummaries() throws {
        try summaries.check(Self.summaryOrder)
    }

    /// Every summary view, in the order they are read: the workbook's first (its Time to reply sheet, then its
    /// Summary), then the rest.
    static let summaryOrder = [replyTimeView, kpiView, dailyTrendView, stepTotalsView, warningsView, replyDistributionView,
                               kpiChangesView, funnelView, weeklyView, campaignTypeView, cohortView, peopleView,
                               replyQualityView, followUpStepsView, sendTimeTotalsView, sendTimeBySenderView,
                               campaignStepsView, weeklyLoadView, kpiPeriodsView]

    /// The summary views a format shows: CSV none, the workbook those of its Summary and Time to reply sheets,
    /// the HTML report every one.
    static func summaryViews(shownBy format: ReportFormat) -> Set<String> {
        switch format {
        case .csv: []
        case .xlsx: [kpiView, dailyTrendView, replyTimeView, stepTotalsView, campaignStepsView, kpiPeriodsView]
        case .html: Set(summaryOrder)
        }
    }

    /// The ISO week before the one the report was made in.
    public var lastCompleteWeek: String {
        CivilDate(utcDayOfEpochSeconds: generatedAt.timeIntervalSince1970).lastCompleteISOWeek
    }

    /// The rows of `weeklyLoad` of senders over a weekly cap in the last complete week (found once: every page's
    /// banner shows them).
    var overCapLastWeek: ReportTable {
        overCap.value {
            let load = weeklyLoad, week = lastCompleteWeek
            return load.filtered { load.value("iso_week", row: $0).plainText == week && load.value("over_cap", row: $0).number == 1 }
        }
    }
    private let overCap = Memo<ReportTable>()

    /// The contract view named `name`, when it is one.
    func view(_ name: String) -> ReportView? {
        views.first { $0.name == name }
    }

    /// Runs `body` in one read transaction of the model's snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try ReportView.query("the reporting views") { try database.read(body) }
    }
}
