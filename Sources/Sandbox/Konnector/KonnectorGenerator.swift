import Chronology
import Foundation

/// Builds the Konnector sandbox's data deterministically: the same inputs give the same bytes.
///
/// Scale 1 is one block of 4 senders and 12 campaigns over `days` days ending at `endDate`; scale N
/// is N such blocks (block 0 is identical at every scale). Each sender and campaign draws from its
/// own SplitMix64 stream derived from `seed`, never from the system generator.
///
/// Invariants (checked by the tests): at every prefix of a campaign's days, accepted <= requests
/// sent and replies <= messages sent; requests sent never exceed members; the last sender of each
/// block has no campaigns; campaign 11 of each block is a draft with all-zero counts and no days;
/// ids are standard base64 (CryptoJS-style `U2FsdGVkX1...`), some with `+`, `/`, all ending in `=`.
///
/// `campaignsPerBlock` (the bench's large accounts: 40) goes on through the name pool again, each
/// round's names numbered (`Q2 Sales Outreach 2 (round 2)`), the senders taking them in turn as before.
public struct KonnectorGenerator: Sendable {
    public let scale: Int
    public let endDate: String
    public let days: Int
    public let seed: UInt64
    /// Campaigns per block of senders: the pool's 12 unless grown (at most 100, the width of a
    /// block's random streams).
    public let campaignsPerBlock: Int

    /// `endDate` must be `YYYY-MM-DD`; anything else falls back to 2026-11-20. `scale` and `days`
    /// below 1 are treated as 1.
    public init(scale: Int = 1, endDate: String = "2026-11-20", days: Int = 60, seed: UInt64 = 7,
                campaignsPerBlock: Int? = nil) {
        self.scale = max(1, scale)
        self.endDate = endDate
        self.days = max(1, days)
        self.seed = seed
        self.campaignsPerBlock = min(100, max(1, campaignsPerBlock ?? KonnectorNamePools.campaigns.count))
    }

    public func make() -> KonnectorDataset {
        let end = CivilDate(iso: endDate) ?? CivilDate(year: 2026, month: 11, day: 20)
        let first = end.adding(days: -(days - 1))
        var usedIDs = Set<String>()

        var orgRandom = SeededRandom(seed: seed, stream: 1)
        let organisation = KonnectorOrganisation(
            id: orgRandom.int(in: 100...9_999),
            name: "Acme Outreach, Ltd.",
            createdAt: ISOTimestamp.format(
                epochSeconds: Int64(first.adding(days: -300).dayNumber) * 86_400 + 8 * 3600 + 30 * 60),
            subscriptionStatus: "active",
            adminEmail: "admin@example.com"
        )

        var senders: [KonnectorSender] = []
        var campaigns: [KonnectorCampaign] = []
        for block in 0..<scale {
            var blockSenders: [KonnectorSender] = []
            for (index, template) in KonnectorNamePools.senders.enumerated() {
                var random = SeededRandom(seed: seed, stream: 1_000 + UInt64(block) * 100 + UInt64(index))
                let suffix = block == 0 ? "" : " \(block + 1)"
                let emailSuffix = block == 0 ? "" : ".\(block + 1)"
                blockSenders.append(KonnectorSender(
                    id: uniqueID(&random, forced: index == 0 ? 63 : (index == 1 ? 62 : nil), used: &usedIDs),
                    name: template.name + suffix,
                    email: template.email + emailSuffix + "@example.com",
                    status: template.status
                ))
            }
            senders += blockSenders
            for index in 0..<campaignsPerBlock {
                let pool = KonnectorNamePools.campaigns
                let template = pool[index % pool.count]
                let round = index / pool.count
                var random = SeededRandom(seed: seed, stream: 1_000_000 + UInt64(block) * 100 + UInt64(index))
                let id = uniqueID(&random, forced: index == 0 ? 62 : (index == 1 ? 63 : nil), used: &usedIDs)
                let sender = blockSenders[index % KonnectorNamePools.sendersWithCampaigns]
                let name = template.name + (block == 0 ? "" : " \(block + 1)") + (round == 0 ? "" : " (round \(round + 1))")
                campaigns.append(makeCampaign(
                    id: id, index: index, name: name,
                    type: template.type, status: template.status, senderID: sender.id,
                    window: first...end, random: &random
                ))
            }
        }
        return KonnectorDataset(
            organisation: organisation, senders: senders, campaigns: campaigns, startDate: first.iso,
            endDate: end.iso
        )
    }

    /// A CryptoJS-looking id: base64 of "Salted__" + 8 salt bytes + 16 "ciphertext" bytes (44 chars,
    /// one `=`). `forced` (62 or 63) puts `+` or `/` at character 24 so those characters surely occur.
    private func uniqueID(_ random: inout SeededRandom, forced: UInt8?, used: inout Set<String>) -> String {
        while true {
            var bytes = Array("Salted__".utf8) + random.bytes(24)
            if let forced {
                bytes[18] = (forced << 2) | (bytes[18] & 0x03)
            }
            let id = Data(bytes).base64EncodedString()
            if used.insert(id).inserted { return id }
        }
    }

    private func makeCampaign(
        id: String, index: Int, name: String, type: String, status: String, senderID: String,
        window: ClosedRange<CivilDate>, random: inout SeededRandom
    ) -> KonnectorCampaign {
        let first = window.lowerBound, end = window.upperBound
        let span = end.dayNumber - first.dayNumber + 1
        let offset = index % 2 == 0 ? 0 : ISOTimestamp.indiaOffsetMinutes

        var dates: [CivilDate] = []
        if status != "draft" {
            let start = first.adding(days: random.int(in: 0...max(0, span * 2 / 3)))
            var last: CivilDate
            switch status {
            case "completed":
                last = min(end.adding(days: -2), start.adding(days: random.int(in: 7...21) - 1))
            case "inactive":
                last = end.adding(days: -random.int(in: 3...10))
            default:
                last = end
            }
            if last < start { last = start }
            dates = (start.dayNumber...last.dayNumber).map(CivilDate.init(dayNumber:))
        }

        let days = makeDays(dates, random: &random)
        let anchor = dates.first ?? end.adding(days: -random.int(in: 1...10))
        let createdDay = dates.isEmpty ? anchor : anchor.adding(days: -random.int(in: 1...3))
        let created = Int64(createdDay.dayNumber) * 86_400 + Int64(random.int(in: 0...86_399))
        var initial: String?
        var lastActive: String?
        if let firstDay = dates.first, let lastDay = dates.last {
            initial = ISOTimestamp.format(
                epochSeconds: Int64(firstDay.dayNumber) * 86_400 + Int64(random.int(in: 6 * 3600...11 * 3600)),
                offsetMinutes: offset)
            lastActive = ISOTimestamp.format(
                epochSeconds: Int64(lastDay.dayNumber) * 86_400 + Int64(random.int(in: 6 * 3600...11 * 3600)),
                offsetMinutes: offset)
        }
        let plans = [7, 14, 30, 60, 90]
        let maxDays = plans.first { $0 >= dates.count } ?? dates.count
        let pools = KonnectorNamePools.self
        return KonnectorCampaign(
            id: id, name: name, type: type, status: status,
            createdAt: ISOTimestamp.format(epochSeconds: created, offsetMinutes: offset),
            initialActivateTime: initial, lastActivateTime: lastActive, senderID: senderID,
            memberCount: days.reduce(0) { $0 + $1.membersAdded }, maxCampaignDays: maxDays,
            source: pools.sources[index % pools.sources.count],
            targetIndustry: pools.industries[index % pools.industries.count],
            targetPositions: pools.positions[index % pools.positions.count],
            campaignGoals: pools.goals[index % pools.goals.count],
            days: days
        )
    }

    /// Daily figures with the prefix invariants built in. Requests only go to members not yet
    /// asked; each request is accepted with the campaign's acceptance chance after 0-6 days (or
    /// never); messages only go to accepted connections not yet messaged; each message is answered
    /// with the campaign's reply chance after 0-4 days. Outcomes due after the last day are dropped
    /// (still pending). No sending at weekends, so every series has zero days.
    private func makeDays(_ dates: [CivilDate], random: inout SeededRandom) -> [KonnectorDay] {
        let acceptChance = random.int(in: 25...70)
        let replyChance = random.int(in: 15...50)
        var acceptsDue = [Int](repeating: 0, count: dates.count)
        var repliesDue = [Int](repeating: 0, count: dates.count)
        var members = 0, requests = 0, accepted = 0, messages = 0
        var result: [KonnectorDay] = []
        for (position, date) in dates.enumerated() {
            let weekend = date.isoWeekday >= 6
            let unasked = members - requests
            let added = position == 0
                ? random.int(in: 40...160)
                : (random.chance(unasked < 25 ? 50 : 10) ? random.int(in: 5...40) : 0)
            members += added
            let sent = weekend ? 0 : min(members - requests, random.int(in: 3...20))
            requests += sent
            for _ in 0..<sent where random.chance(acceptChance) {
                let due = position + random.int(in: 0...6)
                if due < dates.count { acceptsDue[due] += 1 }
            }
            let accepts = acceptsDue[position]
            accepted += accepts
            let messaged = weekend ? 0 : min(accepted - messages, random.int(in: 0...15))
            messages += messaged
            for _ in 0..<messaged where random.chance(replyChance) {
                let due = position + random.int(in: 0...4)
                if due < dates.count { repliesDue[due] += 1 }
            }
            result.append(KonnectorDay(
                date: date.iso, membersAdded: added, requestsSent: sent, requestsAccepted: accepts,
                messagesSent: messaged, messagesReplied: repliesDue[position]
            ))
        }
        return result
    }
}
