extension KonnectorRoutes {
    /// `GET /user-campaign-filters`: every sender, every campaign routine, the organisation.
    func userCampaignFilters() -> JSONValue {
        let organisation = dataset.organisation
        return [
            "linkedin_users": .array(dataset.senders.map { sender in
                [
                    "linkedin_user_information_id": .string(sender.id),
                    "name": .string(sender.name),
                    "email": .string(sender.email),
                    "status": .string(sender.status),
                ]
            }),
            "campaign_routines": .array(dataset.campaigns.map { campaign in
                [
                    "linkedin_campaign_routine_id": .string(campaign.id),
                    "name": .string(campaign.name),
                    "campaign_type": .string(campaign.type),
                    "campaign_status": .string(campaign.status),
                    "created_at": .string(campaign.createdAt),
                ]
            }),
            "organisation": [
                "id": .int(organisation.id),
                "name": .string(organisation.name),
                "created_at": .string(organisation.createdAt),
                "subscription_status": .string(organisation.subscriptionStatus),
            ],
        ]
    }
}
