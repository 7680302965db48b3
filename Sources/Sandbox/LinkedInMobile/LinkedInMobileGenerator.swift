import Chronology
import Foundation

/// Saved LinkedIn mobile API answers (`/li/v1/pages/mailbox` and `/li/v1/people/:id/connections`,
/// in the shapes `linkedin-mobile-unofficial.txt` shows) for the import format, made
/// deterministically from the shared people: the owner's sent invitations, the connections some
/// of them became, and conversations where some prospects answered.
///
/// Assumption: besides the documented fields, people carry `publicProfileUrl` (the v1 people API
/// of the same era had it), in varied forms, so imported people meet the vendors' prospects.
public struct LinkedInMobileGenerator: Sendable {
    public let people: [SandboxPerson]
    public let endDate: String
    public let days: Int
    public let seed: UInt64

    public init(people: [SandboxPerson], endDate: String = "2026-11-20", days: Int = 60, seed: UInt64 = 19) {
        self.people = people
        self.endDate = endDate
        self.days = max(1, days)
        self.seed = seed
    }

    /// The owner of the mailbox.
    public static let ownerID = "293949"

    /// The mailbox and connections files.
    public func make() -> (mailbox: Data, connections: Data) {
        let end = CivilDate(iso: endDate) ?? CivilDate(year: 2026, month: 11, day: 20)
        let start = Int64(end.adding(days: -(days - 1)).dayNumber) * 86_400
        let span = Int64(days) * 86_400 - 7_200
        var random = SeededRandom(seed: seed, stream: 1)
        let owner: JSONValue = person(id: Self.ownerID, name: "Nick Smith", url: nil)
        var messages: [JSONValue] = []
        var invitations: [JSONValue] = []
        var connections: [JSONValue] = []
        for (index, member) in people.prefix(16).enumerated() {
            let id = String(58_700 + index)
            let url = Self.urlForms[index % Self.urlForms.count](member.slug)
            let them = person(id: id, name: member.name, url: url)
            let invitedAt = start + Int64(random.int(in: 0...Int(span / 2)))
            invitations.append([
                "isCustomMessage": false, "read": true, "folder": "sent", "tType": "invitation",
                "subject": "Invitation to connect on LinkedIn", "from": owner, "to": [them],
                "id": .string("I\(6_011_859_876_663 + index)_500"), "body": .string("\(member.name), I'd like to add you to my network."),
                "seen": true, "timestamp": .int(Int(invitedAt * 1000)),
            ])
            guard index % 3 != 2 else { continue }
            connections.append(them)
            let firstAt = invitedAt + Int64(random.int(in: 3_600...172_800))
            messages.append(message(id: "I\(604_317_044_476_742 + index * 2)_500", folder: "sent", from: owner, to: them,
                                    subject: "Thanks for connecting", time: firstAt, replied: index % 2 == 0))
            if index % 2 == 0 {
                let replyAt = firstAt + Int64(random.int(in: 600...259_200))
                // Which answer is fixed by the position and the seed, not drawn: the stream stays as it was.
                let reply = Self.replies[(index / 2 + Int(seed % UInt64(Self.replies.count))) % Self.replies.count]
                messages.append(message(id: "I\(604_317_044_476_743 + index * 2)_500", folder: "inbox", from: them, to: owner,
                                        subject: reply.subject, time: replyAt, replied: false, body: reply.body))
            }
        }
        messages.sort { ($0.objectValue?["timestamp"].flatMap(Self.int) ?? 0) > ($1.objectValue?["timestamp"].flatMap(Self.int) ?? 0) }
        let mailbox: JSONValue = [
            "invitations": ["total": .int(invitations.count), "values": .array(invitations), "start": 0,
                            "count": .int(invitations.count), "droppedCount": 0, "unseen": 0],
            "messages": ["total": .int(messages.count), "unread": 0, "values": .array(messages), "start": 0,
                         "count": .int(messages.count), "droppedCount": 0, "unseen": 0],
        ]
        let list: JSONValue = ["total": .int(connections.count), "count": .int(connections.count), "values": .array(connections)]
        return (mailbox.encoded(), list.encoded())
    }

    /// The answers prospects send, by design 2 automatic replies, 6 positive, 5 negative, 2 referrals
    /// and 5 neutral of the 20 (about 10/30/25/10/25%), 7 not in English; ordered so that the five
    /// answers 16 people give (entries `s`, `s+2`, `s+3`, `s+5`, `s+6` from the seed's offset) are mixed.
    static let replies: [(subject: String, body: String)] = [
        ("Automatic reply: Thanks for connecting", "I am out of the office until 30 November with no access to LinkedIn messages and will reply as soon as I am back. For urgent requests, please contact office@example.com.\n\nBest regards"),
        ("Re: Thanks for connecting", "Thanks for connecting! Actually yes - we're looking at this for Q1. Could you send over pricing?"),
        ("Re: Thanks for connecting", "Sure, happy to have a quick call. Does Wednesday 3pm work for you?"),
        ("Re: Thanks for connecting", "Thanks for connecting!"),
        ("Re: Thanks for connecting", "I don't look after this anymore. Please contact my colleague Anna Weber, anna.weber@example.com."),
        ("Re: Thanks for connecting", "Hi Nick, thanks for the invite. What is this about?"),
        ("Re: Thanks for connecting", "Thanks, but we're not interested at this time."),
        ("Re: Thanks for connecting", "Please don't contact me with sales offers. Remove me from your list."),
        ("Re: Thanks for connecting", "Interesting. Can you tell me more about how it works with HubSpot?"),
        ("Re: Thanks for connecting", "Leuk! Ik hoor graag meer. Kunnen we volgende week even bellen?"),
        ("Re: Thanks for connecting", "Hallo Nick, danke für die Vernetzung. Worum geht es denn?"),
        ("Re: Thanks for connecting", "Likewise, great to connect 👍"),
        ("Risposta automatica: Thanks for connecting", "Sono in ferie fino al 3 dicembre, con accesso limitato alla posta. Per urgenze contattare la collega Giulia Ferrari (giulia.ferrari@example.com).\nCordiali saluti"),
        ("Re: Thanks for connecting", "Merci pour la mise en relation. Oui, je suis intéressé : envoyez-moi une documentation et vos tarifs."),
        ("Re: Thanks for connecting", "Danke, aber aktuell kein Bedarf."),
        ("Re: Thanks for connecting", "Not now - maybe check back in six months."),
        ("Re: Thanks for connecting", "Good to connect, Nick. Hope all is well on your side."),
        ("Re: Thanks for connecting", "Yes please, send me the details."),
        ("Re: Thanks for connecting", "No soy la persona indicada. Mejor hable con Carlos Ruiz, nuestro director comercial: carlos.ruiz@example.com."),
        ("Re: Thanks for connecting", "Não tenho interesse, obrigado."),
    ]

    /// The varied ways a profile URL is written.
    static let urlForms: [@Sendable (String) -> String] = [
        { "https://www.linkedin.com/in/\($0)" },
        { "https://www.linkedin.com/in/\($0.uppercased())/" },
        { "http://linkedin.com/in/\($0)?trk=mobile" },
    ]

    private func person(id: String, name: String, url: String?) -> JSONValue {
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        var object: [String: JSONValue] = [
            "authToken": "name:xxyz", "distance": 1, "firstName": .string(parts.first ?? name),
            "formattedName": .string(name), "headline": "", "id": .string(id), "lastName": .string(parts.count > 1 ? parts[1] : ""),
            "hasPicture": false, "tType": "pt3",
        ]
        if let url { object["publicProfileUrl"] = .string(url) }
        return .object(object)
    }

    private func message(id: String, folder: String, from: JSONValue, to: JSONValue, subject: String, time: Int64,
                         replied: Bool, body: String = "…") -> JSONValue {
        ["read": true, "folder": .string(folder), "tType": "message", "subject": .string(subject), "from": from,
         "isMsgTypeInmail": false, "id": .string(id), "to": [to], "body": .string(body), "seen": true,
         "timestamp": .int(Int(time * 1000)), "hasReplied": .bool(replied)]
    }

    private static func int(_ value: JSONValue) -> Int? {
        if case .int(let number) = value { return number }
        return nil
    }
}
