import Foundation
import Warehouse

/// Loads WeConnect's pages: the logged-in user as the sender, threads and their messages, and
/// the status of every followed request (polled or pushed).
///
/// Every page of a run belongs to the user that run logged in as, found through the run's own
/// login page, so an incremental load and a rebuild attribute pages the same way.
struct WeConnectNormaliser: TreeNormaliser {
    func load(_ page: RawPage, json: JSONValue, sourceKey: Int64, into star: StarWriter) throws {
        guard let pageID = page.id else { return }
        switch page.endpoint {
        case "login":
            guard let user = json["success"], let id = user["id"]?.string else { return }
            _ = try star.sender(sourceKey: sourceKey, id: id, name: user["fullname"]?.string, email: user["email"]?.string)
        case "ln/messages":
            let senderKey = try star.runSender(page, sourceKey: sourceKey)
            for entry in json["data"]?.array ?? [] {
                guard let id = entry["thread"]?.string else { continue }
                try star.listThread(sourceKey: sourceKey, threadID: id, senderKey: senderKey,
                                    prospectName: entry["name"]?.string, rawPageID: pageID)
            }
        case "ln/thread":
            let parameters = page.parameterValues
            guard let id = parameters["thread"]?.string ?? json.at("profiles")?[0]?["thread"]?.string else { return }
            let profile = json["profiles"]?[0]
            let prospectKey = try profile.flatMap { try prospect($0, star: star) }
            let messages = (json["messages"]?.array ?? []).enumerated().compactMap { index, message -> ThreadMessage? in
                guard let direction = Self.direction(of: message) else { return nil }
                return ThreadMessage(order: index, direction: direction, sentAt: Self.time(of: message),
                                     author: message["name"]?.string, text: message["content"]?.string)
            }
            try star.replaceThread(sourceKey: sourceKey, threadID: id, senderKey: try star.runSender(page, sourceKey: sourceKey),
                                   prospectKey: prospectKey, prospectName: profile?["name"]?.string, messages: messages,
                                   rawPageID: pageID)
        case let endpoint where endpoint == "ln/request" || endpoint.hasPrefix("pusher:"):
            let parameters = page.parameterValues
            let body = json["data"]?.string.flatMap { try? JSONValue.parse(Data($0.utf8)) } ?? json
            guard let requestID = body["request_id"]?.string ?? parameters["request_id"]?.string else { return }
            let object = body["request_object"]
            let prospectKey = try object?["linkedin"]?.string.flatMap { slug in
                try ProspectID.normalise(slug).map { try star.prospect(publicID: $0) }
            }
            try star.action(sourceKey: sourceKey, requestID: requestID, senderKey: try star.runSender(page, sourceKey: sourceKey),
                            prospectKey: prospectKey, accountID: object?["account_id"]?.string,
                            type: object?["type"]?.string ?? body["request_type"]?.string,
                            status: body["request_status"]?.string, replied: body["replied"]?.bool,
                            observedAt: page.fetchedAt, rawPageID: pageID)
        default:
            break
        }
    }

    private func prospect(_ profile: JSONValue, star: StarWriter) throws -> Int64? {
        guard let publicID = profile["linkedin"]?.string.flatMap(ProspectID.normalise) else { return nil }
        return try star.prospect(publicID: publicID, name: profile["name"]?.string, job: profile["job"]?.string,
                                 company: profile["company"]?.string ?? profile["present_company"]?.string,
                                 location: profile["location"]?.string)
    }

    /// A message's time in UTC: the epoch `timestamp` wins over the zone-less `date_time` (read as
    /// UTC only when no epoch exists); the relative `time` ("4 days ago") is never parsed.
    static func time(of message: JSONValue) -> String? {
        if let epoch = message["timestamp"]?.double {
            let seconds = epoch > 100_000_000_000 ? epoch / 1000 : epoch
            return Timestamp.utc(fromEpoch: seconds)
        }
        if let stamp = message["timestamp"]?.string.flatMap(Timestamp.utc(fromVendor:)) { return stamp }
        return message["date_time"]?.string.flatMap(Timestamp.utc(fromVendor:))
    }

    /// `in` or `out` from the message's `type`; nil for a type that is neither (it is left out
    /// rather than guessed).
    static func direction(of message: JSONValue) -> String? {
        switch message["type"]?.string?.lowercased() {
        case "in", "inbound", "incoming", "received": "in"
        case "out", "outbound", "outgoing", "sent": "out"
        default: nil
        }
    }
}
