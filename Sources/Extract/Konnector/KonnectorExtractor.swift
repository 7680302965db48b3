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
        for user in filters.json.at("data", "linkedin_users")?.array ?? [] {
            senders.add(user["linkedin_user_information_id"]?.string)
        }
        for routine in filters.json.at("data", "campaign_routines")?.array ?? [] {
            campaigns.add(routine["linkedin_campaign_routine_id"]?.string)
        }

        let firstPage = Parameters(["limit": .integer(settings.pageSize), "offset": .integer(0),
                                    "sort_by": .string("created_at"), "sort_order": .string("asc")])
        try await session.pages(KonnectorAPI.campaignInfo, firstPage, paginator: KonnectorAPI.campaignPaginator) { page in
            for entry in page.json.at("data", "campaign_info")?.array ?? [] {
                campaigns.add(entry.at("linkedin_campaign_routine", "id")?.string)
                senders.add(entry.at("linkedin_user", "linkedin_user_information_id")?.string)
            }
        }

        let window = Self.window(settings)
        for sender in senders.ids {
            var parameters = window
            parameters["linkedin_user_information_ids"] = .strings([sender])
            try await Self.fetchSkippingVanished(session, KonnectorAPI.dashboardInfo, parameters)
        }
        for campaign in campaigns.ids {
            var parameters = window
            parameters["linkedin_campaign_routine_id"] = .string(campaign)
            try await Self.fetchSkippingVanished(session, KonnectorAPI.optimizedRoutineData, parameters)
        }
    }

    /// A sender or campaign deleted between the listing and its own request answers 404 (or 400
    /// for an id no longer valid): that one id is skipped with a warning, the source goes on.
    private static func fetchSkippingVanished(_ session: FetchSession, _ endpoint: Endpoint, _ parameters: Parameters) async throws {
        do {
            _ = try await session.fetch(endpoint, parameters)
        } catch let error as ExtractError where error.status == 404 || error.status == 400 {
            session.warn("\(endpoint.name): skipped \(parameters.canonicalJSON): \(error.description)")
        }
    }

    private static func window(_ settings: SourceSettings) -> Parameters {
        var parameters = Parameters()
        if let start = settings.startDate { parameters["start_date"] = .string(start) }
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
