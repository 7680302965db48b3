import Warehouse

/// What Konnector's listing calls (`user-campaign-filters` and the `campaign-info` pages) say of the
/// account's senders and campaigns: enough to decide which of them need a request of their own.
struct KonnectorListing {
    private(set) var senders = OrderedIDs()
    private(set) var campaigns = OrderedIDs()
    /// Each listed campaign's cumulative counters, status and name: when none moved since the
    /// campaign's daily data was last read, no day of it can have changed.
    private(set) var fingerprints: [String: String] = [:]
    private(set) var senderOfCampaign: [String: String] = [:]
    /// The day each campaign was created: a new one is read from there, so the whole history is
    /// asked for explicitly rather than left to a vendor default range.
    private(set) var createdDay: [String: String] = [:]
    /// The campaigns whose `campaign-info` entry carried a `daily_stats` array (the series of the
    /// requested `start_date`/`end_date`), empty or not.
    private(set) var withDailyStats: Set<String> = []

    /// Takes in the `user-campaign-filters` answer; returns the records it held.
    mutating func addFilters(_ json: JSONValue) -> Int {
        let users = json.at("data", "linkedin_users")?.array ?? []
        let routines = json.at("data", "campaign_routines")?.array ?? []
        for user in users {
            senders.add(user["linkedin_user_information_id"]?.string)
        }
        for routine in routines {
            guard let id = routine["linkedin_campaign_routine_id"]?.string else { continue }
            campaigns.add(id)
            createdDay[id] = routine["created_at"]?.string.flatMap(Timestamp.day(fromVendor:))
        }
        return users.count + routines.count
    }

    /// Takes in one `campaign-info` page; returns the records it held (campaigns and daily rows).
    mutating func addCampaignInfo(_ json: JSONValue) -> Int {
        let entries = json.at("data", "campaign_info")?.array ?? []
        var rows = entries.count
        for entry in entries {
            guard let id = entry.at("linkedin_campaign_routine", "id")?.string else { continue }
            campaigns.add(id)
            let sender = entry.at("linkedin_user", "linkedin_user_information_id")?.string
            senders.add(sender)
            senderOfCampaign[id] = sender
            fingerprints[id] = Self.fingerprint(entry)
            if let day = entry.at("linkedin_campaign_routine", "created_at")?.string.flatMap(Timestamp.day(fromVendor:)) {
                createdDay[id] = day
            }
            if let daily = entry["daily_stats"]?.array {
                withDailyStats.insert(id)
                rows += daily.count
            }
        }
        return rows
    }

    /// What must move for a campaign's daily data to have changed.
    private static func fingerprint(_ entry: JSONValue) -> String {
        let routine = entry["linkedin_campaign_routine"]
        return [entry["member_count"], entry["friend_request_count"], entry["friend_accept_count"],
                entry["message_sent_count"], entry["message_replied_count"],
                routine?["campaign_status"], routine?["campaign_name"]]
            .map { $0?.string ?? "" }.joined(separator: "|")
    }
}
