import Chronology
extension KonnectorRoutes {
    /// `GET|POST /dashboard-info`. Every figure covers the selected senders' campaigns and the
    /// requested days only (inclusive; the whole data window when no dates are given). Campaign
    /// counts by status and type have no date and are not date-restricted.
    /// `pending_reject_count` = requests - accepts in the range, floored at 0 (accepts in a range
    /// can answer requests sent before it).
    func dashboard(_ parameters: KonnectorParameters, requestID: String, timestamp: String)
        throws(KonnectorError) -> JSONValue
    {
        let senders = try selectedSenders(parameters)
        let (start, end) = try parameters.dateRange()
        let senderIDs = Set(senders.map(\.id))
        let campaigns = dataset.campaigns.filter { senderIDs.contains($0.senderID) }

        let low = max(start ?? window.lowerBound, window.lowerBound)
        let high = min(end ?? window.upperBound, window.upperBound)
        let dates = low <= high ? (low.dayNumber...high.dayNumber).map { CivilDate(dayNumber: $0).iso } : []

        var perDate: [String: Totals] = [:]
        var perSender: [String: Totals] = [:]
        for campaign in campaigns {
            for day in days(of: campaign, from: start, to: end) {
                perDate[day.date, default: Totals()].add(day)
                perSender[campaign.senderID, default: Totals()].add(day)
            }
        }
        let total = perDate.values.reduce(into: Totals()) { $0.add($1) }
        func series(_ value: (Totals) -> Int) -> JSONValue {
            .array(dates.map { date in ["date": .string(date), "count_data": .int(value(perDate[date] ?? Totals()))] })
        }

        var byStatus: [String: JSONValue] = ["total": .int(campaigns.count)]
        for status in KonnectorNamePools.campaignStatuses {
            byStatus[status] = .int(campaigns.filter { $0.status == status }.count)
        }
        var byType: [String: JSONValue] = [:]
        for type in KonnectorNamePools.campaignTypes {
            byType[type] = .int(campaigns.filter { $0.type == type }.count)
        }

        return [
            "campaign_member_info": [
                "data": series(\.members),
                "total_member_count": .int(total.members),
            ],
            "campaign_count_info": .object(byStatus),
            "connection_graph": [
                "request": series(\.requests),
                "accept": series(\.accepted),
                "pending_reject_count": .int(max(0, total.requests - total.accepted)),
                "total_friend_accept_count": .int(total.accepted),
                "total_friend_request_count": .int(total.requests),
                "connection_percentage": .double(KonnectorRates.percent(total.accepted, of: total.requests)),
            ],
            "message_stats": [
                "sent": .int(total.messages),
                "replied": .int(total.replies),
                "response_rate": .double(KonnectorRates.percent(total.replies, of: total.messages)),
                "daily_stats": .array(dates.map { date in
                    let day = perDate[date] ?? Totals()
                    return ["date": .string(date), "sent": .int(day.messages), "replied": .int(day.replies)]
                }),
            ],
            "campaign_types": .object(byType),
            "user_performance": .array(senders.map { sender in
                let figures = perSender[sender.id] ?? Totals()
                return [
                    "linkedin_user_information_id": .string(sender.id),
                    "name": .string(sender.name),
                    "email": .string(sender.email),
                    "connection_rate": .double(KonnectorRates.percent(figures.accepted, of: figures.requests)),
                    "response_rate": .double(KonnectorRates.percent(figures.replies, of: figures.messages)),
                    "active_campaigns": .int(campaigns.filter { $0.senderID == sender.id && $0.status == "active" }.count),
                ]
            }),
            "timestamp": .string(timestamp),
            "request_id": .string(requestID),
        ]
    }

    /// Sums of daily figures.
    struct Totals {
        var members = 0, requests = 0, accepted = 0, messages = 0, replies = 0

        mutating func add(_ day: KonnectorDay) {
            members += day.membersAdded
            requests += day.requestsSent
            accepted += day.requestsAccepted
            messages += day.messagesSent
            replies += day.messagesReplied
        }

        mutating func add(_ other: Totals) {
            members += other.members
            requests += other.requests
            accepted += other.accepted
            messages += other.messages
            replies += other.replies
        }
    }
}
