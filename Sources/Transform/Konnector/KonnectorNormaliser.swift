import Warehouse

/// Loads Konnector's pages: senders and campaigns into their dimensions, `campaign-info`'s
/// cumulative counters into snapshots, and every daily series into the daily facts. A campaign's
/// day reads the same from `campaign-info`'s `daily_stats` as from `optimized_routine_data`'s two
/// series, so the facts do not depend on which endpoint brought the day.
struct KonnectorNormaliser: Normaliser {
    /// A daily series: where it sits in its page and what it counts.
    typealias Series = (path: KonnectorPage.Path, counts: KonnectorDailyRow.Series)

    /// `campaign-info`'s series, one per campaign of its `campaign_info` array.
    static let campaignInfoSeries: Series = (["data", "campaign_info", "*", "daily_stats"], .mixed)
    /// A dashboard's series, in the order they are loaded.
    static let dashboardSeries: [Series] = [
        (["data", "campaign_member_info", "data"], .members), (["data", "connection_graph", "request"], .requests),
        (["data", "connection_graph", "accept"], .accepts), (["data", "message_stats", "daily_stats"], .messages),
    ]
    /// `optimized_routine_data`'s series, in the order they are loaded.
    static let routineSeries: [Series] = [
        (["data", "performance_metrics", "connection_metrics", "daily_metrics"], .connections),
        (["data", "performance_metrics", "message_metrics", "daily_metrics"], .messages),
    ]
    /// Each endpoint's series, as the page reader takes them.
    static let series: [String: [KonnectorPage.Path: KonnectorDailyRow.Series]] = [
        "campaign-info": [campaignInfoSeries.path: campaignInfoSeries.counts],
        "dashboard-info": Dictionary(uniqueKeysWithValues: dashboardSeries.map { ($0.path, $0.counts) }),
        "optimized_routine_data": Dictionary(uniqueKeysWithValues: routineSeries.map { ($0.path, $0.counts) }),
    ]

    func load(_ page: RawPage, into star: StarWriter) throws {
        let read = try KonnectorPage(page.body, series: Self.series[page.endpoint] ?? [:])
        guard let data = read.tree["data"], let pageID = page.id else { return }
        let context = Context(page: page, read: read, pageID: pageID, sourceKey: try star.sourceKey(of: page), star: star)
        switch page.endpoint {
        case "user-campaign-filters": try context.loadFilters(data)
        case "campaign-info": try context.loadCampaignInfo(data)
        case "dashboard-info": try context.loadDashboard(data)
        case "optimized_routine_data": try context.loadRoutineData(data)
        default: break
        }
    }

    /// One page being loaded.
    private struct Context {
        let page: RawPage
        let read: KonnectorPage
        let pageID: Int64
        let sourceKey: Int64
        let star: StarWriter

        func loadFilters(_ data: JSONValue) throws {
            for user in data["linkedin_users"]?.array ?? [] {
                _ = try sender(user)
            }
            for routine in data["campaign_routines"]?.array ?? [] {
                guard let id = routine["linkedin_campaign_routine_id"]?.string else { continue }
                try campaign(id, CampaignAttributes(name: routine["name"]?.string, type: routine["campaign_type"]?.string,
                                                    status: routine["campaign_status"]?.string,
                                                    createdAt: routine["created_at"]?.string.flatMap(Timestamp.utc(fromVendor:))))
            }
        }

        func loadCampaignInfo(_ data: JSONValue) throws {
            for (index, entry) in (data["campaign_info"]?.array ?? []).enumerated() {
                guard let routine = entry["linkedin_campaign_routine"], let id = routine["id"]?.string else { continue }
                let senderKey = try entry["linkedin_user"].flatMap(sender)
                let key = try campaign(id, CampaignAttributes(
                    name: routine["campaign_name"]?.string ?? routine["name"]?.string,
                    type: routine["campaign_type"]?.string, status: routine["campaign_status"]?.string,
                    senderKey: senderKey, createdAt: routine["created_at"]?.string.flatMap(Timestamp.utc(fromVendor:))))
                try star.campaignSnapshot(campaignKey: key, rawPageID: pageID, observedAt: page.fetchedAt, CampaignCounters(
                    members: entry["member_count"]?.int, requestsSent: entry["friend_request_count"]?.int,
                    requestsAccepted: entry["friend_accept_count"]?.int,
                    vendorAcceptancePct: entry["connection_percentage"]?.double,
                    messagesSent: entry["message_sent_count"]?.int, messagesReplied: entry["message_replied_count"]?.int,
                    vendorResponsePct: entry["response_rate"]?.double))
                let series = KonnectorNormaliser.campaignInfoSeries.path.map { $0 == "*" ? String(index) : $0 }
                try star.campaignDaily(campaignKey: key, read.rows(series), rawPageID: pageID)
                try steps(entry["campaign_steps"], campaignKey: key)
            }
        }

        /// A dashboard page fetched for exactly one sender gives that sender's daily series and
        /// window totals; any other selection has no sender grain and is kept raw only.
        func loadDashboard(_ data: JSONValue) throws {
            for user in data["user_performance"]?.array ?? [] {
                _ = try sender(user)
            }
            let parameters = page.parameterValues
            guard let ids = parameters["linkedin_user_information_ids"]?.array, ids.count == 1,
                  let id = ids[0].string else { return }
            let senderKey = try star.sender(sourceKey: sourceKey, id: id)
            try star.senderDaily(senderKey: senderKey, KonnectorDailyRow.merged(KonnectorNormaliser.dashboardSeries.map { read.rows($0.path) }),
                                 rawPageID: pageID)
            let graph = data["connection_graph"]
            let messages = data["message_stats"]
            try star.senderWindow(senderKey: senderKey, rawPageID: pageID, observedAt: page.fetchedAt,
                                  windowStart: parameters["start_date"]?.string, windowEnd: parameters["end_date"]?.string,
                                  CampaignCounters(requestsSent: graph?["total_friend_request_count"]?.int,
                                                   requestsAccepted: graph?["total_friend_accept_count"]?.int,
                                                   vendorAcceptancePct: graph?["connection_percentage"]?.double,
                                                   messagesSent: messages?["sent"]?.int,
                                                   messagesReplied: messages?["replied"]?.int,
                                                   vendorResponsePct: messages?["response_rate"]?.double))
        }

        func loadRoutineData(_ data: JSONValue) throws {
            let parameters = page.parameterValues
            let details = data["campaign_details"]
            guard let id = details?["id"]?.string ?? parameters["linkedin_campaign_routine_id"]?.string else { return }
            let senderKey = try data["linkedin_user"].flatMap(sender)
            let key = try campaign(id, CampaignAttributes(
                name: details?["name"]?.string ?? details?["campaign_name"]?.string,
                type: details?["campaign_type"]?.string, status: details?["campaign_status"]?.string,
                senderKey: senderKey, createdAt: details?["created_at"]?.string.flatMap(Timestamp.utc(fromVendor:))))
            try star.campaignDaily(campaignKey: key, KonnectorDailyRow.merged(KonnectorNormaliser.routineSeries.map { read.rows($0.path) }),
                                   rawPageID: pageID)
            try steps(data["campaign_steps"], campaignKey: key)
            if let pending = data.at("performance_metrics", "connection_metrics", "pending_count")?.int {
                try star.campaignPending(campaignKey: key, count: pending, rawPageID: pageID)
            }
        }

        /// A page's `campaign_steps`, when it has the key: an empty array means the campaign has no steps now.
        private func steps(_ steps: JSONValue?, campaignKey: Int64) throws {
            guard steps?.array != nil else { return }
            try star.campaignSteps(campaignKey: campaignKey, KonnectorCampaignSteps.decode(steps), rawPageID: pageID)
        }

        private func sender(_ user: JSONValue) throws -> Int64? {
            guard let id = user["linkedin_user_information_id"]?.string else { return nil }
            return try star.sender(sourceKey: sourceKey, id: id, name: user["name"]?.string,
                                   email: user["email"]?.string, status: user["status"]?.string)
        }

        @discardableResult
        private func campaign(_ id: String, _ attributes: CampaignAttributes) throws -> Int64 {
            try star.campaign(sourceKey: sourceKey, id: id, attributes: attributes, observedAt: page.fetchedAt, rawPageID: pageID)
        }
    }
}
