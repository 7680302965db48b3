import Foundation
import Warehouse

/// Reads a Konnector account: its senders and campaigns, every page of `campaign-info`, the
/// dashboard of each sender and the daily routine data of each campaign over the window.
///
/// Array parameters go in POST bodies, where the document's JSON shape is unambiguous; the
/// per-campaign endpoint exists only as GET, and its single id is a query parameter.
struct KonnectorExtractor: SourceExtractor {
    func extract(_ session: FetchSession) async throws {
        let settings = session.source
        var senders = OrderedIDs()
        var campaigns = OrderedIDs()

        let filters = try await session.fetch(KonnectorAPI.userCampaignFilters)
        try KonnectorAPI.checkEnvelope(filters, source: settings.name)
        for user in filters.json.at("data", "linkedin_users")?.array ?? [] {
            senders.add(user["linkedin_user_information_id"]?.string)
        }
        for routine in filters.json.at("data", "campaign_routines")?.array ?? [] {
            campaigns.add(routine["linkedin_campaign_routine_id"]?.string)
        }
        await session.countRows((filters.json.at("data", "linkedin_users")?.array?.count ?? 0)
                                + (filters.json.at("data", "campaign_routines")?.array?.count ?? 0))

        // Each campaign's cumulative counters, status and name: when none moved since the
        // campaign's daily data was last read, no day of it can have changed, and it is skipped.
        var fingerprints: [String: String] = [:]
        var senderOfCampaign: [String: String] = [:]
        // The day each campaign was created: a new one is read from there, so the whole history is
        // asked for explicitly rather than left to a vendor default range.
        var createdDay: [String: String] = [:]
        for routine in filters.json.at("data", "campaign_routines")?.array ?? [] {
            if let id = routine["linkedin_campaign_routine_id"]?.string {
                createdDay[id] = routine["created_at"]?.string.flatMap(Timestamp.day(fromVendor:))
            }
        }
        let firstPage = Parameters(["limit": .integer(settings.pageSize), "offset": .integer(0),
                                    "sort_by": .string("created_at"), "sort_order": .string("asc")])
        try await session.pages(KonnectorAPI.campaignInfo, firstPage, paginator: KonnectorAPI.campaignPaginator) { page in
            try KonnectorAPI.checkEnvelope(page, source: settings.name)
            await session.countRows(page.json.at("data", "campaign_info")?.array?.count ?? 0)
            for entry in page.json.at("data", "campaign_info")?.array ?? [] {
                guard let id = entry.at("linkedin_campaign_routine", "id")?.string else { continue }
                campaigns.add(id)
                let sender = entry.at("linkedin_user", "linkedin_user_information_id")?.string
                senders.add(sender)
                senderOfCampaign[id] = sender
                fingerprints[id] = Self.fingerprint(entry)
                if let day = entry.at("linkedin_campaign_routine", "created_at")?.string.flatMap(Timestamp.day(fromVendor:)) {
                    createdDay[id] = day
                }
            }
        }

        let campaignState = ExtractState(warehouse: session.warehouse, source: settings.name, itemKind: "campaign")
        let senderState = ExtractState(warehouse: session.warehouse, source: settings.name, itemKind: "sender")
        let knownCampaigns = settings.isBackfill ? [:] : try campaignState.fingerprints()
        let knownSenders = settings.isBackfill ? [:] : try senderState.fingerprints()
        var senderFingerprints: [String: [String]] = [:]
        for campaign in campaigns.ids {
            if let sender = senderOfCampaign[campaign] {
                senderFingerprints[sender, default: []].append(campaign + "=" + (fingerprints[campaign] ?? ""))
            }
        }

        // An empty fingerprint (the listing said nothing about the item) never counts as unchanged,
        // and a backfill records nothing: its range is not the whole history.
        for sender in senders.ids {
            // When campaign-info names no sender at all, a sender's campaigns are unknown and its
            // dashboard is always read; otherwise its fingerprint is its campaigns' (none is a value too).
            let fingerprint = senderOfCampaign.isEmpty && !campaigns.ids.isEmpty
                ? "" : "campaigns:" + (senderFingerprints[sender] ?? []).sorted().joined(separator: ";")
            guard fingerprint.isEmpty || knownSenders[sender] != fingerprint else { continue }
            let firstDay = campaigns.ids.filter { senderOfCampaign[$0] == sender }.compactMap { createdDay[$0] }.min()
            var parameters = Self.window(settings, known: knownSenders[sender] != nil, createdDay: firstDay)
            parameters["linkedin_user_information_ids"] = .strings([sender])
            if try await Self.fetchSkippingVanished(session, KonnectorAPI.dashboardInfo, parameters), !settings.isBackfill {
                try senderState.record(sender, fingerprint: fingerprint)
            }
        }
        for campaign in campaigns.ids {
            let fingerprint = fingerprints[campaign] ?? ""
            guard fingerprint.isEmpty || knownCampaigns[campaign] != fingerprint else { continue }
            var parameters = Self.window(settings, known: knownCampaigns[campaign] != nil, createdDay: createdDay[campaign])
            parameters["linkedin_campaign_routine_id"] = .string(campaign)
            if try await Self.fetchSkippingVanished(session, KonnectorAPI.optimizedRoutineData, parameters), !settings.isBackfill {
                try campaignState.record(campaign, fingerprint: fingerprint)
            }
        }
    }

    /// What must move for a campaign's daily data to have changed.
    private static func fingerprint(_ entry: JSONValue) -> String {
        let routine = entry["linkedin_campaign_routine"]
        return [entry["member_count"], entry["friend_request_count"], entry["friend_accept_count"],
                entry["message_sent_count"], entry["message_replied_count"],
                routine?["campaign_status"], routine?["campaign_name"]]
            .map { $0?.string ?? "" }.joined(separator: "|")
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

    /// The days to read: from the last run minus the lookback for an item read before; for a new
    /// one, from the source's `start_date`, else from the day the campaign was created.
    private static func window(_ settings: SourceSettings, known: Bool, createdDay: String?) -> Parameters {
        var parameters = Parameters()
        if let start = known || settings.isBackfill ? settings.startDate : (settings.historyStart ?? createdDay) {
            parameters["start_date"] = .string(start)
        }
        if let end = settings.endDate { parameters["end_date"] = .string(end) }
        return parameters
    }
}

/// Ids in the order first seen, each once.
struct OrderedIDs {
    private(set) var ids: [String] = []
    private var seen: Set<String> = []

    mutating func add(_ id: String?) {
        guard let id, !id.isEmpty, seen.insert(id).inserted else { return }
        ids.append(id)
    }
}
