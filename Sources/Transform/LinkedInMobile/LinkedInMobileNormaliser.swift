import Foundation
import Warehouse

/// Loads files saved from the LinkedIn mobile app's API (`linkedin-mobile-unofficial.txt`), which
/// `etl import` lands: `/li/v1/pages/mailbox` (messages and invitations) and
/// `/li/v1/people/:id/connections`.
///
/// The mailbox owner is the sender: the author of the `sent` folder's messages, else whoever the
/// inbox's messages are addressed to most often. A conversation is everything exchanged with one
/// other member (the format has no thread id). Invitations the owner sent are outreach; those the
/// owner received are not and are left out. A member appears under their public id when the file
/// gives a profile URL, else under `member:<id>` (the format's numeric id), which no other vendor uses.
struct LinkedInMobileNormaliser: TreeNormaliser {
    static let mailbox = "li/v1/pages/mailbox"
    static let connections = "li/v1/people/connections"

    func load(_ page: RawPage, json: JSONValue, sourceKey: Int64, into star: StarWriter) throws {
        guard let pageID = page.id else { return }
        switch page.endpoint {
        case Self.mailbox:
            let messages = json.at("messages", "values")?.array ?? []
            let invitations = json.at("invitations", "values")?.array ?? []
            guard let owner = Self.owner(messages: messages, invitations: invitations) else { return }
            let senderKey = try star.sender(sourceKey: sourceKey, id: owner.id, name: owner.name)
            var conversations: [String: (person: JSONValue, messages: [ThreadMessage])] = [:]
            for (index, message) in messages.enumerated() {
                let outbound = message.at("from", "id")?.string == owner.id
                guard let other = outbound ? message["to"]?[0] : message["from"], let otherID = other["id"]?.string else { continue }
                conversations[otherID, default: (other, [])].messages.append(ThreadMessage(
                    order: -index, direction: outbound ? "out" : "in", sentAt: Self.time(message["timestamp"]), author: nil,
                    id: message["id"]?.string,
                    // An automatic answer often says so only in its subject ("Automatic reply: ...").
                    text: [message["subject"]?.string, message["body"]?.string].compactMap { $0 }.joined(separator: "\n")))
            }
            for (otherID, conversation) in conversations.sorted(by: { $0.key < $1.key }) {
                try star.mergeThread(sourceKey: sourceKey, threadID: "member:" + otherID, senderKey: senderKey,
                                     prospectKey: try prospect(conversation.person, star: star),
                                     prospectName: conversation.person["formattedName"]?.string, messages: conversation.messages,
                                     rawPageID: pageID)
            }
            for invitation in invitations where Self.isSent(invitation, owner: owner.id) {
                guard let id = invitation["id"]?.string, let sentAt = Self.time(invitation["timestamp"]) else { continue }
                let other = invitation["to"]?[0] ?? invitation["to"]
                try star.invitation(sourceKey: sourceKey, id: id, senderKey: senderKey,
                                    prospectKey: try other.flatMap { try prospect($0, star: star) }, sentAt: sentAt, seenAt: sentAt,
                                    rawPageID: pageID)
            }
        case Self.connections:
            // A connection is an accepted invitation, of unknown date (the format gives none).
            for person in json["values"]?.array ?? [] {
                guard let prospectKey = try prospect(person, star: star) else { continue }
                try star.connectionAccepted(sourceKey: sourceKey, prospectKey: prospectKey, detectedAt: nil, rawPageID: pageID)
            }
        default:
            break
        }
    }

    /// The member's prospect key: by public id from a profile URL when the file has one, else by numeric id.
    private func prospect(_ person: JSONValue, star: StarWriter) throws -> Int64? {
        let url = person["publicProfileUrl"]?.string ?? person["profileUrl"]?.string ?? person["publicIdentifier"]?.string
        let publicID = url.flatMap(ProspectID.normalise) ?? person["id"]?.string.map { "member:" + $0 }
        guard let publicID else { return nil }
        let job = person["headline"]?.string
        return try star.prospect(publicID: publicID, name: person["formattedName"]?.string, job: job)
    }

    /// The mailbox owner's id and name.
    static func owner(messages: [JSONValue], invitations: [JSONValue]) -> (id: String, name: String?)? {
        if let sent = messages.first(where: { $0["folder"]?.string?.lowercased() == "sent" })?["from"],
           let id = sent["id"]?.string {
            return (id, sent["formattedName"]?.string)
        }
        var counts: [String: (count: Int, name: String?)] = [:]
        for message in messages + invitations where message["folder"]?.string?.lowercased() != "sent" {
            for person in message["to"]?.array ?? [] {
                guard let id = person["id"]?.string else { continue }
                counts[id, default: (0, person["formattedName"]?.string)].count += 1
            }
        }
        return counts.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }.map { ($0.key, $0.value.name) }
    }

    /// An invitation the owner sent (not one received).
    static func isSent(_ invitation: JSONValue, owner: String) -> Bool {
        invitation["folder"]?.string?.lowercased() == "sent" || invitation.at("from", "id")?.string == owner
    }

    /// Epoch milliseconds (the format's `timestamp`) as an instant.
    static func time(_ value: JSONValue?) -> String? {
        guard let number = value?.double else { return nil }
        return Timestamp.utc(fromEpoch: number > 100_000_000_000 ? number / 1000 : number)
    }
}
