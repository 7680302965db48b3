import Foundation
import GRDB

/// Everything a report shows, read once from the warehouse's reporting views; renderers only format it.
public struct ReportModel: Sendable {
    /// The five contract views, in contract order.
    public static let contractViews = [
        "report_sender_summary", "report_campaign_summary", "report_daily_activity",
        "report_request_outcomes", "report_threads",
    ]
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
    /// The columns of the views added beside report_kpis, for a model built without them (an empty table).
    static let addedViewColumns: [String: [String]] = [
        kpiChangesView: ["figure", "this_week", "last_week", "change"],
        funnelView: ["source", "campaign_id", "campaign_name", "members", "requests_sent", "requests_accepted",
                     "messages_sent", "messages_replied"],
        weeklyView: ["iso_week", "source", "sender_id", "requests_sent", "requests_accepted", "acceptance_rate",
                     "messages_sent", "messages_replied", "response_rate"],
        campaignTypeView: ["source", "campaign_type", "campaigns", "requests_sent", "requests_accepted", "acceptance_rate",
                           "messages_sent", "messages_replied", "response_rate"],
        cohortView: ["source", "cohort_week", "invitations", "accepted", "pending", "acceptance_rate"],
        peopleView: ["sources", "people", "invited", "accepted", "messaged", "replied"],
    ]

    public let generatedAt: Date
    /// The five contract views, in contract order.
    public let views: [ReportTable]
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

    public init(
        generatedAt: Date, views: [ReportTable], kpis: ReportTable, dailyTrend: ReportTable,
        warnings: ReportTable, replyTimes: ReportTable, replyDistribution: ReportTable, sources: [SourceHealth],
        kpiChanges: ReportTable? = nil, funnel: ReportTable? = nil, weekly: ReportTable? = nil,
        campaignTypes: ReportTable? = nil, cohortAcceptance: ReportTable? = nil, peopleReached: ReportTable? = nil
    ) {
        self.generatedAt = generatedAt
        self.views = views
        self.kpis = kpis
        self.dailyTrend = dailyTrend
        self.warnings = warnings
        self.replyTimes = replyTimes
        self.replyDistribution = replyDistribution
        self.sources = sources
        self.kpiChanges = kpiChanges ?? Self.emptyTable(Self.kpiChangesView)
        self.funnel = funnel ?? Self.emptyTable(Self.funnelView)
        self.weekly = weekly ?? Self.emptyTable(Self.weeklyView)
        self.campaignTypes = campaignTypes ?? Self.emptyTable(Self.campaignTypeView)
        self.cohortAcceptance = cohortAcceptance ?? Self.emptyTable(Self.cohortView)
        self.peopleReached = peopleReached ?? Self.emptyTable(Self.peopleView)
    }

    /// One of the added views with no rows.
    static func emptyTable(_ name: String) -> ReportTable {
        ReportTable(name: name, columns: (addedViewColumns[name] ?? []).map { ReportColumn(name: $0) }, rows: [])
    }

    /// Reads every reporting view (`SELECT *`, the views carry their own order) in one read transaction.
    public static func load(from db: any DatabaseReader, generatedAt: Date, sources: [SourceHealth]) throws -> ReportModel {
        try db.read { db in
            ReportModel(
                generatedAt: generatedAt,
                views: try contractViews.map { try table(named: $0, in: db) },
                kpis: try table(named: kpiView, in: db),
                dailyTrend: try table(named: dailyTrendView, in: db),
                warnings: try table(named: warningsView, in: db),
                replyTimes: try table(named: replyTimeView, in: db),
                replyDistribution: try table(named: replyDistributionView, in: db),
                sources: sources,
                kpiChanges: try table(named: kpiChangesView, in: db),
                funnel: try table(named: funnelView, in: db),
                weekly: try table(named: weeklyView, in: db),
                campaignTypes: try table(named: campaignTypeView, in: db),
                cohortAcceptance: try table(named: cohortView, in: db),
                peopleReached: try table(named: peopleView, in: db)
            )
        }
    }

    private static func table(named name: String, in db: Database) throws -> ReportTable {
        do {
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)")
            let columns = cursor.columnNames.map { ReportColumn(name: $0) }
            var rows: [[CellValue]] = []
            while let row = try cursor.next() {
                rows.append(row.databaseValues.map(CellValue.init))
            }
            return ReportTable(name: name, columns: columns, rows: rows)
        } catch let error as DatabaseError {
            throw ReportError.query(view: name, message: error.message ?? "\(error.resultCode)")
        }
    }
}
