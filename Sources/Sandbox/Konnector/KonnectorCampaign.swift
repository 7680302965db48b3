/// One Konnector campaign routine with its whole daily history: the ground truth the sandbox serves.
public struct KonnectorCampaign: Sendable, Hashable, Codable {
    /// The encrypted-looking `linkedin_campaign_routine_id` (standard base64, may hold `+ / =`).
    public let id: String
    public let name: String
    /// One of the vendor's `campaign_types` keys, e.g. `smart_campaign`.
    public let type: String
    /// `active`, `inactive`, `completed` or `draft`.
    public let status: String
    /// `created_at` exactly as served: ISO 8601 with either `Z` or `+05:30`.
    public let createdAt: String
    /// `initial_activate_time` as served; nil (JSON null) for a draft.
    public let initialActivateTime: String?
    /// `last_activate_time` as served; nil (JSON null) for a draft.
    public let lastActivateTime: String?
    /// The sender's `linkedin_user_information_id`.
    public let senderID: String
    /// Prospects in the campaign (the sum of `membersAdded`).
    public let memberCount: Int
    /// `max_campaign_days`: the planned length.
    public let maxCampaignDays: Int
    /// `source`: `manual`, `csv_import` or `sales_navigator`.
    public let source: String
    /// `metadata.target_industry`.
    public let targetIndustry: String
    /// `metadata.target_positions`.
    public let targetPositions: [String]
    /// `metadata.campaign_goals`.
    public let campaignGoals: String
    /// Every day from the first active day to the last day with data, zeros included, no gaps;
    /// empty for a draft.
    public let days: [KonnectorDay]

    public init(
        id: String, name: String, type: String, status: String, createdAt: String, initialActivateTime: String?,
        lastActivateTime: String?, senderID: String, memberCount: Int, maxCampaignDays: Int, source: String,
        targetIndustry: String, targetPositions: [String], campaignGoals: String, days: [KonnectorDay]
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.status = status
        self.createdAt = createdAt
        self.initialActivateTime = initialActivateTime
        self.lastActivateTime = lastActivateTime
        self.senderID = senderID
        self.memberCount = memberCount
        self.maxCampaignDays = maxCampaignDays
        self.source = source
        self.targetIndustry = targetIndustry
        self.targetPositions = targetPositions
        self.campaignGoals = campaignGoals
        self.days = days
    }

    /// Lifetime `friend_request_count`.
    public var requestsSent: Int { days.reduce(0) { $0 + $1.requestsSent } }
    /// Lifetime `friend_accept_count`.
    public var requestsAccepted: Int { days.reduce(0) { $0 + $1.requestsAccepted } }
    /// Lifetime `message_sent_count`.
    public var messagesSent: Int { days.reduce(0) { $0 + $1.messagesSent } }
    /// Lifetime `message_replied_count`.
    public var messagesReplied: Int { days.reduce(0) { $0 + $1.messagesReplied } }
    /// The vendor's `connection_percentage`, as served.
    public var connectionPercentage: Double { KonnectorRates.percent(requestsAccepted, of: requestsSent) }
    /// The vendor's `response_rate`, as served.
    public var responseRate: Double { KonnectorRates.percent(messagesReplied, of: messagesSent) }
    /// `campaign_duration_days`: days with data.
    public var durationDays: Int { days.count }
}
