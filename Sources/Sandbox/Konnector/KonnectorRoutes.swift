import Chronology
/// The Konnector endpoints as pure functions from parameters to the documented `data` objects.
/// One file per endpoint (`KonnectorRoutes+*.swift`); shared lookups and JSON pieces live here.
///
/// Daily rows are undocumented in the vendor document (`// Daily statistics...`). The sandbox uses
/// the shapes other versions of the document show, deliberately different per endpoint, so a client
/// must accept them all:
/// - dashboard `campaign_member_info.data`, `connection_graph.request` / `.accept`: `{date, count_data}`
/// - dashboard `message_stats.daily_stats`: `{date, sent, replied}`
/// - campaign-info `daily_stats`: `{date, connections: {sent, accepted}, messages: {sent, replied}}`
/// - optimized_routine_data connection `daily_metrics`: `{date, requests_sent, requests_accepted}`
/// - optimized_routine_data message `daily_metrics`: `{date, sent, replied}`
/// Each campaign's series has every day from its first active day to its last day with data, zeros
/// included; the dashboard series have every day of the requested range within the data window.
struct KonnectorRoutes: Sendable {
    let dataset: KonnectorDataset
    /// Where this emulator is mounted, for `next_page_url` / `prev_page_url`.
    let pathPrefix: String
    let sendersByID: [String: KonnectorSender]
    let campaignsByID: [String: KonnectorCampaign]
    /// The generated window.
    let window: ClosedRange<CivilDate>

    init(dataset: KonnectorDataset, pathPrefix: String) {
        self.dataset = dataset
        self.pathPrefix = pathPrefix
        sendersByID = Dictionary(dataset.senders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        campaignsByID = Dictionary(dataset.campaigns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let end = CivilDate(iso: dataset.endDate) ?? CivilDate(dayNumber: 0)
        let start = CivilDate(iso: dataset.startDate) ?? end
        window = min(start, end)...end
    }

    /// The senders named by `linkedin_user_information_ids` (all senders when none are given), in
    /// dataset order; `INVALID_USER_IDS` when any id is unknown.
    func selectedSenders(_ parameters: KonnectorParameters) throws(KonnectorError) -> [KonnectorSender] {
        let ids = try parameters.strings("linkedin_user_information_ids")
        guard !ids.isEmpty else { return dataset.senders }
        guard ids.allSatisfy({ sendersByID[$0] != nil }) else { throw .invalidUserIDs }
        let wanted = Set(ids)
        return dataset.senders.filter { wanted.contains($0.id) }
    }

    /// The days of `campaign` inside the inclusive range (open ends when nil).
    func days(of campaign: KonnectorCampaign, from start: CivilDate?, to end: CivilDate?) -> [KonnectorDay] {
        let low = start?.iso, high = end?.iso
        return campaign.days.filter { day in
            (low.map { day.date >= $0 } ?? true) && (high.map { day.date <= $0 } ?? true)
        }
    }

    /// `linkedin_user` of a campaign; the routine endpoint's example has no `status`.
    func userJSON(_ senderID: String, includeStatus: Bool) -> JSONValue {
        let sender = sendersByID[senderID]
        var object: [String: JSONValue] = [
            "name": .optional(sender?.name),
            "linkedin_user_information_id": .string(senderID),
            "email": .optional(sender?.email),
        ]
        if includeStatus {
            object["status"] = .optional(sender?.status)
        }
        return .object(object)
    }

    /// `campaign_steps` (undocumented: "Campaign steps information..."). Assumed shape:
    /// `{step_order, step_type, delay_days, sent_count, success_count}`, counts being the campaign's
    /// lifetime figures for that kind of step.
    func stepsJSON(_ campaign: KonnectorCampaign) -> JSONValue {
        var steps: [(type: String, delay: Int, sent: Int, success: Int)] = []
        if ["smart_campaign", "friend_request_follow_message"].contains(campaign.type) {
            steps.append(("profile_visit", 0, campaign.requestsSent, campaign.requestsSent))
        }
        steps.append(("connection_request", steps.isEmpty ? 0 : 1, campaign.requestsSent, campaign.requestsAccepted))
        if campaign.type != "connector_campaign" {
            steps.append(("follow_up_message", 2, campaign.messagesSent, campaign.messagesReplied))
        }
        return .array(steps.enumerated().map { index, step in
            [
                "step_order": .int(index + 1),
                "step_type": .string(step.type),
                "delay_days": .int(step.delay),
                "sent_count": .int(step.sent),
                "success_count": .int(step.success),
            ]
        })
    }
}
