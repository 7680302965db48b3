import Foundation
import Vendors
import Warehouse

/// Loads Linked API's pages: the invitations `etl track` registered, what connection-status
/// checks said of them (held answers, result links and webhook deliveries alike),
/// `network.connectionAccepted` events, and conversations polled since a time.
struct LinkedAPINormaliser: TreeNormaliser {
    func load(_ page: RawPage, json: JSONValue, sourceKey: Int64, into star: StarWriter) throws {
        guard let pageID = page.id else { return }
        func senderKey() throws -> Int64? {
            try star.runSender(page, sourceKey: sourceKey) ?? star.soleSender(sourceKey: sourceKey)
        }
        switch page.endpoint {
        case "account":
            // Invitations tracked before the account was first read are its own.
            if let key = try senderKey() { try star.adoptUnattributed(sourceKey: sourceKey, senderKey: key) }
        case "track":
            for request in json["requests"]?.array ?? [] {
                guard let id = request["request_id"]?.string, let url = request["person_url"]?.string,
                      let publicID = ProspectID.normalise(url) else { continue }
                try star.invitation(sourceKey: sourceKey, id: id, senderKey: try senderKey(),
                                    prospectKey: try star.prospect(publicID: publicID),
                                    sentAt: request["sent_at"]?.string.flatMap(Self.instant), seenAt: page.fetchedAt, rawPageID: pageID)
            }
        case "account/conversations/poll":
            try conversations(json, page: page, sourceKey: sourceKey, senderKey: try senderKey(), star: star)
        default:
            if let event = Self.event(of: json) {
                try accepted(event, json: json, page: page, sourceKey: sourceKey, star: star)
                return
            }
            for result in LinkedAPIAPI.actionResults(of: json) where result["actionType"]?.string == "st.checkConnectionStatus" {
                guard let label = result["label"]?.string, let status = result.at("data", "connectionStatus")?.string else { continue }
                let checked = json["completedAt"]?.string.flatMap(Self.instant) ?? page.fetchedAt
                try star.invitationChecked(sourceKey: sourceKey, id: label, status: Self.invitationStatus(status),
                                           checkedAt: checked, rawPageID: pageID)
            }
        }
    }

    /// `connected` → accepted, `pending` → pending, `notConnected` (withdrawn or declined) → declined.
    static func invitationStatus(_ connectionStatus: String) -> String {
        switch connectionStatus.lowercased() {
        case "connected": "accepted"
        case "pending": "pending"
        default: "declined"
        }
    }

    /// The event name of a webhook delivery, wherever it is written.
    static func event(of json: JSONValue) -> String? {
        json["event"]?.string ?? json["type"]?.string ?? json["eventType"]?.string
    }

    private func accepted(_ event: String, json: JSONValue, page: RawPage, sourceKey: Int64, star: StarWriter) throws {
        guard event == "network.connectionAccepted", let pageID = page.id else { return }
        let data = json["data"] ?? json["payload"] ?? json
        guard let publicID = data["personUrl"]?.string.flatMap(ProspectID.normalise),
              let detected = data["detectedAt"]?.string.flatMap(Self.instant) else { return }
        if let account = data["accountId"]?.string { _ = try star.sender(sourceKey: sourceKey, id: account) }
        try star.connectionAccepted(sourceKey: sourceKey, prospectKey: try star.prospect(publicID: publicID),
                                    detectedAt: detected, rawPageID: pageID)
    }

    private func conversations(_ json: JSONValue, page: RawPage, sourceKey: Int64, senderKey: Int64?, star: StarWriter) throws {
        guard let pageID = page.id else { return }
        for person in json["result"]?.array ?? [] {
            let prospectKey = try person["personUrl"]?.string.flatMap(ProspectID.normalise).map { try star.prospect(publicID: $0) }
            var threads: [String: [ThreadMessage]] = [:]
            for (index, message) in (person["messages"]?.array ?? []).enumerated() {
                let direction: String
                switch message["sender"]?.string?.lowercased() {
                case "us": direction = "out"
                case "them": direction = "in"
                default: continue
                }
                let thread = message["threadId"]?.string ?? person["personUrl"]?.string ?? ""
                threads[thread, default: []].append(ThreadMessage(order: -index, direction: direction,
                                                                  sentAt: message["time"]?.string.flatMap(Timestamp.utc(fromVendor:)),
                                                                  author: nil, id: message["id"]?.string,
                                                                  text: message["text"]?.string))
            }
            for (thread, messages) in threads.sorted(by: { $0.key < $1.key }) {
                try star.mergeThread(sourceKey: sourceKey, threadID: thread, senderKey: senderKey, prospectKey: prospectKey,
                                     prospectName: nil, messages: messages, rawPageID: pageID)
            }
        }
    }

    /// A day (`YYYY-MM-DD`, read as its midnight UTC) or a timestamp, as the warehouse stores instants.
    static func instant(_ text: String) -> String? {
        if DayParts(text) != nil { return text + "T00:00:00Z" }
        return Timestamp.utc(fromVendor: text)
    }
}
