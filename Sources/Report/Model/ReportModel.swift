import Foundation
import GRDB
import Warehouse

/// What a report shows: the summary views, read once into memory (a row per figure, day, week, sender or
/// campaign), and the five contract views, whose rows stay in the warehouse and are read through a cursor by each
/// format that needs them. Renderers only format it.
public struct ReportModel: Sendable {
    /// The contract views, in contract order: the first round's five, then the reply analysis.
    public static let contractViews = ReportingViews.contractViews
    static let kpiView = "report_kpis"
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

    public let generatedAt: Date
    /// The five contract views, in contract order: their columns; their rows are read through `read`.
    public let views: [ReportView]
    /// One row: requests_sent, requests_accepted, acceptance_rate, messages_sent, messages_replied, response_rate,
    /// median_reply_minutes, p90_reply_minutes.
    public let kpis: ReportTable
    /// One row per date: date, requests_sent, requests_accepted, messages_sent, messages_replied.
    public let dailyTrend: ReportTable
    /// source, scope, subject_id, subject_name, check_name, detail.
    public let warnings: ReportTable
    /// One row per sender with replies: source, sender_id, replied_threads, median_minutes, p90_minutes.
    public let replyTimes: ReportTable
    /// Six rows, shortest first: bucket, threads (replied conversations by time to the first reply).
    public let replyDistribution: ReportTable
    public var sources: [SourceHealth]
    /// One row per headline figure: figure, this_week, last_week, change (the last complete ISO week vs the one before).
    public let kpiChanges: ReportTable
    /// One row per campaign: source, campaign_id, campaign_name, members, requests_sent, requests_accepted,
    /// messages_sent, messages_replied.
    public let funnel: ReportTable
    /// iso_week, source, sender_id, the counts and both rates.
    public let weekly: ReportTable
    /// source, campaign_type, campaigns, the counts and both rates.
    public let campaignTypes: ReportTable
    /// source, cohort_week, invitations, accepted, pending, acceptance_rate; empty without per-invitation outcomes.
    public let cohortAcceptance: ReportTable
    /// sources, people, invited, accepted, messaged, replied: each person reached counted once, by
    /// how many sources reached them.
    public let peopleReached: ReportTable
    /// The reply analysis: per sender (report_reply_quality, report_follow_up_steps, report_send_time_by_sender)
    /// and over everyone (the step and send-time totals), each as long as senders x steps or senders x 168 hours.
    public let replyQuality: ReportTable
    public let followUpSteps: ReportTable
    public let stepTotals: ReportTable
    public let sendTimeTotals: ReportTable
    public let sendTimeBySender: ReportTable
    /// Where the contract views' rows are read: a snapshot of the warehouse taken by `load`, so every format
    /// reads the same data as the summaries.
    let database: any DatabaseReader

    /// Reads the summary views (`SELECT *`, the views carry their own order) and the contract views' columns in
    /// one read transaction. From a `DatabasePool` it first takes a snapshot, which the model keeps open until it is
    /// released, so the rows the formats stream later are those of the same moment.
    ///
    /// Only the summaries that `formats` show are read (`summaryViews(shownBy:)`); the others keep their columns but
    /// no rows, so a CSV report does not wait for every summary view to be computed.
    public static func load(
        from db: any DatabaseReader, generatedAt: Date, sources: [SourceHealth], formats: [ReportFormat] = ReportFormat.allCases
    ) throws -> ReportModel {
        let shown = formats.reduce(into: Set<String>()) { $0.formUnion(summaryViews(shownBy: $1)) }
        let reader: any DatabaseReader
        if let pool = db as? DatabasePool {
            reader = try ReportView.query("the reporting views") { try pool.makeSnapshot() }
        } else {
            reader = db
        }
        return try ReportView.query("the reporting views") {
            try reader.read { db in
                func table(_ name: String) throws -> ReportTable {
                    try ReportView.named(name, in: db).table(in: db, limit: shown.contains(name) ? nil : 0)
                }
                return ReportModel(
                    generatedAt: generatedAt,
                    views: try contractViews.map { try ReportView.named($0, in: db) },
                    kpis: try table(kpiView), dailyTrend: try table(dailyTrendView), warnings: try table(warningsView),
                    replyTimes: try table(replyTimeView), replyDistribution: try table(replyDistributionView),
                    sources: sources, kpiChanges: try table(kpiChangesView), funnel: try table(funnelView),
                    weekly: try table(weeklyView), campaignTypes: try table(campaignTypeView),
                    cohortAcceptance: try table(cohortView), peopleReached: try table(peopleView),
                    replyQuality: try table(replyQualityView), followUpSteps: try table(followUpStepsView),
                    stepTotals: try table(stepTotalsView), sendTimeTotals: try table(sendTimeTotalsView),
                    sendTimeBySender: try table(sendTimeBySenderView), database: reader)
            }
        }
    }

    /// The summary views a format shows: CSV none, the workbook those of its Summary and Time to reply sheets,
    /// the HTML report every one.
    static func summaryViews(shownBy format: ReportFormat) -> Set<String> {
        switch format {
        case .csv: []
        case .xlsx: [kpiView, dailyTrendView, replyTimeView, stepTotalsView]
        case .html: [kpiView, dailyTrendView, warningsView, replyTimeView, replyDistributionView, kpiChangesView, funnelView,
                     weeklyView, campaignTypeView, cohortView, peopleView, replyQualityView, followUpStepsView,
                     stepTotalsView, sendTimeTotalsView, sendTimeBySenderView]
        }
    }

    /// The contract view named `name`, when it is one.
    func view(_ name: String) -> ReportView? {
        views.first { $0.name == name }
    }

    /// Runs `body` in one read transaction of the model's snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try ReportView.query("the reporting views") { try database.read(body) }
    }
}
