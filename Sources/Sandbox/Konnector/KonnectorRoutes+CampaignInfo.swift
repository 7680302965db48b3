import Chronology
extension KonnectorRoutes {
    /// The most campaigns one `campaign-info` page may hold: `konnector.md` gives only the default
    /// `limit` (50); 100 is the maximum the vendor is known to allow (issue 11).
    static let campaignInfoPageLimit = 100

    /// `GET|POST /campaign-info`: filtered, sorted, offset-paged campaign details.
    ///
    /// Assumption: the counters (`member_count`, `friend_request_count`, ... and the rates) are the
    /// campaign's lifetime cumulative figures; `start_date` / `end_date` restrict only `daily_stats`
    /// and do not decide which campaigns are listed.
    /// Sorting is stable: ties (and everything else equal) are broken by id, ascending.
    /// `next_page_url` / `prev_page_url` carry only `offset` and `limit`, exactly as in the
    /// document's example, so a client that follows them blindly loses its other filters.
    func campaignInfo(_ parameters: KonnectorParameters, requestID: String, timestamp: String)
        throws(KonnectorError) -> JSONValue
    {
        let senders = try selectedSenders(parameters)
        let (start, end) = try parameters.dateRange()
        let limit = try parameters.int("limit") ?? 50
        guard (1...Self.campaignInfoPageLimit).contains(limit) else {
            throw .invalidRequest("limit must be an integer from 1 to \(Self.campaignInfoPageLimit)")
        }
        let offset = try parameters.int("offset") ?? 0
        guard offset >= 0 else { throw .invalidRequest("offset must be a non-negative integer") }
        let term = try parameters.string("term")
        let status = try parameters.string("campaign_status")?.lowercased()
        if let status, !KonnectorNamePools.campaignStatuses.contains(status) {
            throw .invalidRequest("campaign_status must be one of "
                + KonnectorNamePools.campaignStatuses.joined(separator: ", "))
        }
        let type = try parameters.string("campaign_type")?.lowercased()
        if let type, !KonnectorNamePools.campaignTypes.contains(type) {
            throw .invalidRequest("campaign_type must be one of " + KonnectorNamePools.campaignTypes.joined(separator: ", "))
        }
        let sortBy = try parameters.string("sort_by")?.lowercased() ?? "created_at"
        guard ["created_at", "campaign_name"].contains(sortBy) else {
            throw .invalidRequest("sort_by must be created_at or campaign_name")
        }
        let sortOrder = try parameters.string("sort_order")?.lowercased() ?? "asc"
        guard ["asc", "desc"].contains(sortOrder) else { throw .invalidRequest("sort_order must be asc or desc") }

        let senderIDs = Set(senders.map(\.id))
        let needle = term?.lowercased()
        let matching = dataset.campaigns.filter { campaign in
            senderIDs.contains(campaign.senderID)
                && (status.map { campaign.status == $0 } ?? true)
                && (type.map { campaign.type == $0 } ?? true)
                && (needle.map { campaign.name.lowercased().contains($0) } ?? true)
        }
        // Each campaign's creation time parsed once, not once per comparison: a page is asked for
        // by offset, so every page sorts the whole account again.
        let created = sortBy == "created_at" ? matching.map { ISOTimestamp.parse($0.createdAt) ?? 0 } : []
        let sorted = matching.indices.sorted { a, b in
            let order: Bool?
            if sortBy == "campaign_name" {
                order = matching[a].name == matching[b].name ? nil : (matching[a].name < matching[b].name)
            } else {
                order = created[a] == created[b] ? nil : (created[a] < created[b])
            }
            guard let order else { return matching[a].id < matching[b].id }
            return sortOrder == "desc" ? !order : order
        }.map { matching[$0] }
        let page = sorted.dropFirst(offset).prefix(limit)
        let total = sorted.count
        let url = pathPrefix + "/campaign-info"

        var filters: [String: JSONValue] = ["sort_by": .string(sortBy), "sort_order": .string(sortOrder)]
        if parameters.has("linkedin_user_information_ids") {
            filters["linkedin_user_information_ids"] = .array(
                try parameters.strings("linkedin_user_information_ids").map(JSONValue.string))
        }
        if let start { filters["start_date"] = .string(start.iso) }
        if let end { filters["end_date"] = .string(end.iso) }
        if let term { filters["term"] = .string(term) }
        if let status { filters["campaign_status"] = .string(status) }
        if let type { filters["campaign_type"] = .string(type) }

        return [
            "campaign_info": .array(page.map { campaignInfoEntry($0, from: start, to: end) }),
            "total_campaign_routines_count": .int(total),
            "pagination": [
                "current_page": .int(offset / limit + 1),
                "total_pages": .int((total + limit - 1) / limit),
                "limit": .int(limit),
                "offset": .int(offset),
                "next_page_url": offset + limit < total
                    ? .string("\(url)?offset=\(offset + limit)&limit=\(limit)") : .null,
                "prev_page_url": offset > 0 ? .string("\(url)?offset=\(max(0, offset - limit))&limit=\(limit)") : .null,
            ],
            "filters_applied": .object(filters),
            "timestamp": .string(timestamp),
            "request_id": .string(requestID),
        ]
    }

    /// One `campaign_info[]` element.
    func campaignInfoEntry(_ campaign: KonnectorCampaign, from start: CivilDate?, to end: CivilDate?) -> JSONValue {
        [
            "linkedin_campaign_routine": [
                "id": .string(campaign.id),
                "campaign_name": .string(campaign.name),
                "campaign_status": .string(campaign.status),
                "campaign_type": .string(campaign.type),
                "created_at": .string(campaign.createdAt),
                "last_activate_time": .optional(campaign.lastActivateTime),
                "initial_activate_time": .optional(campaign.initialActivateTime),
                "max_campaign_days": .int(campaign.maxCampaignDays),
                "source": .string(campaign.source),
                "metadata": [
                    "target_industry": .string(campaign.targetIndustry),
                    "target_positions": .array(campaign.targetPositions.map(JSONValue.string)),
                    "campaign_goals": .string(campaign.campaignGoals),
                ],
            ],
            "member_count": .int(campaign.memberCount),
            "friend_request_count": .int(campaign.requestsSent),
            "friend_accept_count": .int(campaign.requestsAccepted),
            "connection_percentage": .double(campaign.connectionPercentage),
            "message_sent_count": .int(campaign.messagesSent),
            "message_replied_count": .int(campaign.messagesReplied),
            "response_rate": .double(campaign.responseRate),
            "campaign_duration_days": .int(campaign.durationDays),
            // Assumed shape: {date, connections: {sent, accepted}, messages: {sent, replied}}.
            "daily_stats": .array(days(of: campaign, from: start, to: end).map { day in
                [
                    "date": .string(day.date),
                    "connections": ["sent": .int(day.requestsSent), "accepted": .int(day.requestsAccepted)],
                    "messages": ["sent": .int(day.messagesSent), "replied": .int(day.messagesReplied)],
                ]
            }),
            "linkedin_user": userJSON(campaign.senderID, includeStatus: true),
            "campaign_steps": stepsJSON(campaign),
        ]
    }
}
