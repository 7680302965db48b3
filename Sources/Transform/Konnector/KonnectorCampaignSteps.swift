import Warehouse

/// The steps of a Konnector campaign's sequence, from `campaign_steps` (in `campaign-info` and
/// `optimized_routine_data`). The documents show the array but not its entries ("Campaign steps with
/// metrics..."), so this is the one place that assumes their shape, and it reads it tolerantly:
///
/// - the step's number: `step_order`, `step_number`, `order` or `position`, else its place in the array;
/// - its kind: `step_type`, `type` or `action`;
/// - how many it was sent to: `sent_count`, `sent` or `total_count`;
/// - what it achieved: `success_count` (or `accepted_count`, `replied_count`, `accepted`, `replied`), an
///   acceptance when the step is an invitation (its kind names a connection or an invite) and a reply when
///   it is a message (its kind names a message or a follow-up); other steps (a profile visit) leave both empty.
enum KonnectorCampaignSteps {
    /// The steps of a `campaign_steps` array, numbered; entries that are not objects are skipped, and so is a
    /// second entry with a number already read.
    static func decode(_ steps: JSONValue?) -> [CampaignStep] {
        var seen = Set<Int>()
        return (steps?.array ?? []).enumerated().compactMap { index, entry in
            guard entry.object != nil else { return nil }
            let number = first(entry, ["step_order", "step_number", "order", "position"]) ?? index + 1
            guard seen.insert(number).inserted else { return nil }
            let type = ["step_type", "type", "action"].lazy.compactMap { entry[$0]?.string }.first
            let kind = type?.lowercased() ?? ""
            let isInvitation = kind.contains("connect") || kind.contains("invit") || kind.contains("request")
            let isMessage = !isInvitation && (kind.contains("message") || kind.contains("follow"))
            let success = first(entry, ["success_count"])
            return CampaignStep(
                number: number, type: type, sent: first(entry, ["sent_count", "sent", "total_count"]),
                accepted: isInvitation ? success ?? first(entry, ["accepted_count", "accepted"]) : nil,
                replied: isMessage ? success ?? first(entry, ["replied_count", "replied"]) : nil)
        }
    }

    private static func first(_ entry: JSONValue, _ keys: [String]) -> Int? {
        keys.lazy.compactMap { entry[$0]?.int.map(Int.init) }.first
    }
}
