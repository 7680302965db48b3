import Foundation
import Vendors
import Warehouse

/// Loads We-Link's pages: each `get_response` answer or webhook delivery is one observation of a
/// followed request (a connection or a message, its status, a reply), or a page of message threads.
/// The sender is the We-Link account, named by the result or by the request's `accountId`.
struct WeLinkNormaliser: TreeNormaliser {
    func load(_ page: RawPage, json: JSONValue, sourceKey: Int64, into star: StarWriter) throws {
        guard let pageID = page.id, page.endpoint.hasPrefix("get_response") || page.endpoint == "webhook" else { return }
        let result = json["result"]
        let account = result?["accountId"]?.string ?? page.parameterValues["accountId"]?.string
        let senderKey = try account.map { try star.sender(sourceKey: sourceKey, id: $0) }
        if let threads = result?["threads"]?.array {
            for thread in threads {
                guard let id = thread["thread_id"]?.string else { continue }
                // `profile_id` is We-Link's own id, not LinkedIn's public one: it keys a prospect only
                // when no profile URL is given, in a namespace of its own.
                let publicID = thread["profile_url"]?.string.flatMap(ProspectID.normalise)
                    ?? thread["profile_id"]?.string.map { "welink:" + $0 }
                let prospectKey = try publicID.map { try star.prospect(publicID: $0, name: thread["full_name"]?.string) }
                try star.listThread(sourceKey: sourceKey, threadID: id, senderKey: senderKey,
                                    prospectName: thread["full_name"]?.string, rawPageID: pageID, prospectKey: prospectKey,
                                    lastActivityAt: thread["last_activity_at"]?.string.flatMap(Timestamp.utc(fromVendor:)))
            }
            return
        }
        // A threads listing still running is no action (its result is a listing).
        guard page.endpoint != WeLinkAPI.getThreadsResponse.name,
              let requestID = WeLinkAPI.requestID(in: json) ?? page.parameterValues["request_id"]?.string,
              result?["connection_status"] == nil else { return }
        let status = json["status"]?.string
        let event = WeLinkAPI.event(in: json)
        let prospectKey = try result?["profile_url"]?.string.flatMap(ProspectID.normalise).map { try star.prospect(publicID: $0) }
        try star.action(sourceKey: sourceKey, requestID: requestID, senderKey: senderKey, prospectKey: prospectKey,
                        accountID: account, type: WeLinkAPI.actionType(event: event, status: status), status: status,
                        replied: event == "MESSAGE_REPLY" ? true : nil, observedAt: page.fetchedAt, rawPageID: pageID,
                        finalAt: result?["sent_at"]?.string.flatMap(Timestamp.utc(fromVendor:)),
                        repliedAt: result?["replied_at"]?.string.flatMap(Timestamp.utc(fromVendor:)))
    }
}
