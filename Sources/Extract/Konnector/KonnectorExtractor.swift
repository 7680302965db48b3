import Foundation
import Vendors
import Warehouse

/// Reads a Konnector account within its 5,000 requests a day: its senders and campaigns, every page
/// of `campaign-info` (up to 100 campaigns a page, each with its `daily_stats` over the run's days),
/// the dashboard of each sender whose campaigns moved, and `optimized_routine_data` only for a
/// campaign whose listing lacks its days, at most once per campaign per UTC day.
///
/// Array parameters go in POST bodies, where the document's JSON shape is unambiguous; the
/// per-campaign endpoint exists only as GET, and its single id is a query parameter.
struct KonnectorExtractor: SourceExtractor {
    /// The kinds of item whose state is kept in `extract_state`.
    private enum StateKind: String {
        /// A campaign's listing fingerprint when its daily data was last read whole.
        case campaign
        /// A sender's fingerprint (its campaigns') when its dashboard was last read.
        case sender
        /// The UTC day of a campaign's last `optimized_routine_data` call.
        case routineDay = "campaign_routine_day"
    }

    func extract(_ session: FetchSession) async throws {
        let settings = session.source
        var listing = KonnectorListing()

        let filters = try await session.fetch(KonnectorAPI.userCampaignFilters)
        try KonnectorAPI.checkEnvelope(filters, source: settings.name)
        await session.countRows(listing.addFilters(filters.json))

        let state = { (kind: StateKind) in ExtractState(warehouse: session.warehouse, source: settings.name, itemKind: kind.rawValue) }
        let campaignState = state(.campaign), senderState = state(.sender), routineState = state(.routineDay)
        let knownCampaigns = settings.isBackfill ? [:] : try campaignState.fingerprints()
        let knownSenders = settings.isBackfill ? [:] : try senderState.fingerprints()
        let firstDay = { (campaign: String) in
            Self.firstDay(settings, known: knownCampaigns[campaign] != nil, createdDay: listing.createdDay[campaign])
        }

        // The listing is asked for the days every campaign it is known to hold needs, so that its
        // `daily_stats` stand in for the per-campaign calls.
        let needs = listing.campaigns.ids.map(firstDay)
        var listingStart = settings.startDate
        if !needs.isEmpty {
            listingStart = needs.contains { $0 == nil } ? nil : needs.compactMap { $0 }.min()
        }
        var firstPage = Parameters(["limit": .integer(min(settings.pageSize, KonnectorAPI.campaignInfoPageLimit)),
                                    "offset": .integer(0), "sort_by": .string("created_at"), "sort_order": .string("asc")])
        if let listingStart { firstPage["start_date"] = .string(listingStart) }
        if let end = settings.endDate { firstPage["end_date"] = .string(end) }
        try await session.pages(KonnectorAPI.campaignInfo, firstPage, paginator: KonnectorAPI.campaignPaginator) { page in
            try KonnectorAPI.checkEnvelope(page, source: settings.name)
            await session.countRows(listing.addCampaignInfo(page.json))
        }

        // A campaign whose entry carried its days is read; the others changed since their last read
        // (or were never read) need their own call. An empty fingerprint (the listing said nothing
        // about the campaign) never counts as unchanged, and a backfill records nothing: its range
        // is not the whole history.
        var routineNeeded: [String] = []
        for campaign in listing.campaigns.ids {
            let fingerprint = listing.fingerprints[campaign] ?? ""
            if listing.withDailyStats.contains(campaign), Self.covers(listingStart, firstDay(campaign)) {
                if !settings.isBackfill, !fingerprint.isEmpty, knownCampaigns[campaign] != fingerprint {
                    try campaignState.record(campaign, fingerprint: fingerprint)
                }
            } else if fingerprint.isEmpty || knownCampaigns[campaign] != fingerprint {
                routineNeeded.append(campaign)
            }
        }

        var senderFingerprints: [String: [String]] = [:]
        for campaign in listing.campaigns.ids {
            if let sender = listing.senderOfCampaign[campaign] {
                senderFingerprints[sender, default: []].append(campaign + "=" + (listing.fingerprints[campaign] ?? ""))
            }
        }
        for sender in listing.senders.ids {
            // When campaign-info names no sender at all, a sender's campaigns are unknown and its
            // dashboard is always read; otherwise its fingerprint is its campaigns' (none is a value too).
            let fingerprint = listing.senderOfCampaign.isEmpty && !listing.campaigns.ids.isEmpty
                ? "" : "campaigns:" + (senderFingerprints[sender] ?? []).sorted().joined(separator: ";")
            guard fingerprint.isEmpty || knownSenders[sender] != fingerprint else { continue }
            let earliestCreated = listing.campaigns.ids.filter { listing.senderOfCampaign[$0] == sender }
                .compactMap { listing.createdDay[$0] }.min()
            var parameters = Self.window(Self.firstDay(settings, known: knownSenders[sender] != nil, createdDay: earliestCreated),
                                         settings)
            parameters["linkedin_user_information_ids"] = .strings([sender])
            if try await Self.fetchSkippingVanished(session, KonnectorAPI.dashboardInfo, parameters), !settings.isBackfill {
                try senderState.record(sender, fingerprint: fingerprint)
            }
        }

        let today = String(Timestamp.string(session.now).prefix(10))
        let routineDays = try routineState.fingerprints()
        for campaign in routineNeeded {
            guard routineDays[campaign] != today else {
                // A nightly run leaves the campaign's fingerprint as it was, so the next day's run
                // reads it over the lookback; a backfill does not come back by itself.
                if settings.isBackfill {
                    session.warn("\(KonnectorAPI.optimizedRoutineData.name): skipped campaign \(campaign): it was read once today "
                                 + "already (one call per campaign a day); backfill its days again tomorrow")
                }
                continue
            }
            var parameters = Self.window(firstDay(campaign), settings)
            parameters["linkedin_campaign_routine_id"] = .string(campaign)
            guard try await Self.fetchSkippingVanished(session, KonnectorAPI.optimizedRoutineData, parameters) else { continue }
            try routineState.record(campaign, fingerprint: today)
            if !settings.isBackfill {
                try campaignState.record(campaign, fingerprint: listing.fingerprints[campaign] ?? "")
            }
        }
    }

    /// A sender or campaign deleted between the listing and its own request answers 404 (or 400
    /// for an id no longer valid): that one id is skipped with a warning, the source goes on.
    /// Returns whether the page was read (false when the id was skipped).
    @discardableResult
    private static func fetchSkippingVanished(_ session: FetchSession, _ endpoint: Endpoint, _ parameters: Parameters) async throws -> Bool {
        do {
            let page = try await session.fetch(endpoint, parameters)
            try KonnectorAPI.checkEnvelope(page, source: session.source.name)
            // Daily rows, wherever the endpoint keeps its series.
            let series = [page.json.at("data", "performance_metrics", "connection_metrics", "daily_metrics"),
                          page.json.at("data", "performance_metrics", "message_metrics", "daily_metrics"),
                          page.json.at("data", "connection_graph", "request"), page.json.at("data", "connection_graph", "accept"),
                          page.json.at("data", "message_stats", "daily_stats"), page.json.at("data", "campaign_member_info", "data")]
            await session.countRows(series.map { $0?.array?.count ?? 0 }.reduce(0, +))
            return true
        } catch let error as ExtractError where error.status == 404 || error.status == 400 {
            session.warn("\(endpoint.name): skipped \(parameters.canonicalJSON): \(error.description)")
            return false
        }
    }

    /// The first day to read: from the last run minus the lookback for an item read before; for a
    /// new one, from the source's `start_date`, else from the day the campaign was created; nil
    /// for all the history the vendor has.
    private static func firstDay(_ settings: SourceSettings, known: Bool, createdDay: String?) -> String? {
        known || settings.isBackfill ? settings.startDate : (settings.historyStart ?? createdDay)
    }

    /// Whether a listing read from `listingStart` holds every day from `needed` on. Without a
    /// `start_date` the vendor gives all the history it has, which covers any day.
    private static func covers(_ listingStart: String?, _ needed: String?) -> Bool {
        guard let listingStart else { return true }
        return needed.map { listingStart <= $0 } ?? false
    }

    /// `start_date` and `end_date` of a request, for those that are set.
    private static func window(_ start: String?, _ settings: SourceSettings) -> Parameters {
        var parameters = Parameters()
        if let start { parameters["start_date"] = .string(start) }
        if let end = settings.endDate { parameters["end_date"] = .string(end) }
        return parameters
    }
}
