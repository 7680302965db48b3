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

        for sender in senders.ids {
            let fingerprint = (senderFingerprints[sender] ?? []).sorted().joined(separator: ";")
            guard knownSenders[sender] != fingerprint else { continue }
            var parameters = Self.window(settings, known: knownSenders[sender] != nil)
            parameters["linkedin_user_information_ids"] = .strings([sender])
            try await Self.fetchSkippingVanished(session, KonnectorAPI.dashboardInfo, parameters)
            try senderState.record(sender, fingerprint: fingerprint)
        }
        for campaign in campaigns.ids {
            let fingerprint = fingerprints[campaign] ?? ""
            guard knownCampaigns[campaign] != fingerprint else { continue }
            var parameters = Self.window(settings, known: knownCampaigns[campaign] != nil)
            parameters["linkedin_campaign_routine_id"] = .string(campaign)
            try await Self.fetchSkippingVanished(session, KonnectorAPI.optimizedRoutineData, parameters)
            try campaignState.record(campaign, fingerprint: fingerprint)
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
    private static func fetchSkippingVanished(_ session: FetchSession, _ endpoint: Endpoint, _ parameters: Parameters) async throws {
        do {
            let page = try await session.fetch(endpoint, parameters)
            try KonnectorAPI.checkEnvelope(page, source: session.source.name)
            // Daily rows, wherever the endpoint keeps its series.
            let series = [page.json.at("data", "performance_metrics", "connection_metrics", "daily_metrics"),
                          page.json.at("data", "performance_metrics", "message_metrics", "daily_metrics"),
                          page.json.at("data", "connection_graph", "request"), page.json.at("data", "connection_graph", "accept"),
                          page.json.at("data", "message_stats", "daily_stats"), page.json.at("data", "campaign_member_info", "data")]
            await session.countRows(series.map { $0?.array?.count ?? 0 }.reduce(0, +))
        } catch let error as ExtractError where error.status == 404 || error.status == 400 {
            session.warn("\(endpoint.name): skipped \(parameters.canonicalJSON): \(error.description)")
        }
    }

    /// The days to read: from the last run minus the lookback for an item read before, from the
    /// source's `start_date` (or all history) for a new one.
    private static func window(_ settings: SourceSettings, known: Bool) -> Parameters {
        var parameters = Parameters()
        if let start = known || settings.isBackfill ? settings.startDate : settings.historyStart {
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
