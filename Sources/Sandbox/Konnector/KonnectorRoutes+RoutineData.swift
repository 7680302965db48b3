extension KonnectorRoutes {
    /// `GET /optimized_routine_data`: one campaign's details and metrics.
    /// As for campaign-info, the counts and rates are lifetime figures and `start_date` /
    /// `end_date` restrict only the two `daily_metrics` series (an assumption: undocumented).
    func routineData(_ parameters: KonnectorParameters) throws(KonnectorError) -> JSONValue {
        guard let id = try parameters.string("linkedin_campaign_routine_id") else {
            throw .invalidRequest("linkedin_campaign_routine_id is required")
        }
        let (start, end) = try parameters.dateRange()
        guard let campaign = campaignsByID[id] else { throw .notFound("Campaign routine not found") }
        let days = days(of: campaign, from: start, to: end)
        return [
            "campaign_details": [
                "id": .string(campaign.id),
                "name": .string(campaign.name),
                "campaign_type": .string(campaign.type),
                "campaign_status": .string(campaign.status),
                "created_at": .string(campaign.createdAt),
                "last_activate_time": .optional(campaign.lastActivateTime),
                "campaign_duration_days": .int(campaign.durationDays),
                "max_campaign_days": .int(campaign.maxCampaignDays),
            ],
            "performance_metrics": [
                "member_count": .int(campaign.memberCount),
                "connection_metrics": [
                    "friend_request_count": .int(campaign.requestsSent),
                    "friend_accept_count": .int(campaign.requestsAccepted),
                    "connection_percentage": .double(campaign.connectionPercentage),
                    "pending_count": .int(campaign.requestsSent - campaign.requestsAccepted),
                    // Assumed shape: {date, requests_sent, requests_accepted}.
                    "daily_metrics": .array(days.map { day in
                        [
                            "date": .string(day.date),
                            "requests_sent": .int(day.requestsSent),
                            "requests_accepted": .int(day.requestsAccepted),
                        ]
                    }),
                ],
                "message_metrics": [
                    "message_sent_count": .int(campaign.messagesSent),
                    "message_replied_count": .int(campaign.messagesReplied),
                    "response_rate": .double(campaign.responseRate),
                    // Assumed shape: {date, sent, replied}.
                    "daily_metrics": .array(days.map { day in
                        ["date": .string(day.date), "sent": .int(day.messagesSent), "replied": .int(day.messagesReplied)]
                    }),
                ],
            ],
            "campaign_steps": stepsJSON(campaign),
            "linkedin_user": userJSON(campaign.senderID, includeStatus: false),
        ]
    }
}
