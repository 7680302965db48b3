/// Everything the Konnector sandbox serves: one organisation, its senders and their campaigns.
public struct KonnectorDataset: Sendable, Hashable, Codable {
    public let organisation: KonnectorOrganisation
    public let senders: [KonnectorSender]
    public let campaigns: [KonnectorCampaign]
    /// First day of the generated window, `YYYY-MM-DD`.
    public let startDate: String
    /// Last day of the generated window, `YYYY-MM-DD`.
    public let endDate: String

    public init(
        organisation: KonnectorOrganisation, senders: [KonnectorSender], campaigns: [KonnectorCampaign],
        startDate: String, endDate: String
    ) {
        self.organisation = organisation
        self.senders = senders
        self.campaigns = campaigns
        self.startDate = startDate
        self.endDate = endDate
    }

    /// The sender with this id.
    public func sender(id: String) -> KonnectorSender? {
        senders.first { $0.id == id }
    }

    /// The campaign with this id.
    public func campaign(id: String) -> KonnectorCampaign? {
        campaigns.first { $0.id == id }
    }

    /// The sender's campaigns, in dataset order.
    public func campaigns(ofSender senderID: String) -> [KonnectorCampaign] {
        campaigns.filter { $0.senderID == senderID }
    }
}
