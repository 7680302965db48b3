import Warehouse

/// We-Link's endpoints, as `welink.txt` and the collected facts name them. Every one but
/// `get_response` is asynchronous: it answers a request id, and the result comes from
/// `get_response` or the webhook.
public enum WeLinkAPI {
    public static let getResponse = Endpoint(.post, "/api/v1/get_response", name: "get_response")
    /// `get_response` for a threads listing, filed apart so a listing still running is not read as an action.
    public static let getThreadsResponse = Endpoint(.post, "/api/v1/get_response", name: "get_response:threads")
    public static let messageThreads = Endpoint(.post, "/api/v1/personal_message_threads", name: "personal_message_threads")

    /// The documented authentication headers.
    public static func authHeaders(apiKey: String, apiSecret: String?) -> [String: String] {
        var headers = ["x-api-key": apiKey]
        if let apiSecret { headers["x-api-secret"] = apiSecret }
        return headers
    }

    /// The request id of an answer or a delivery, in any of the spellings seen: `requestID` (the
    /// document's prose), `requestId` (success bodies) and `request_id` (error bodies).
    public static func requestID(in json: JSONValue) -> String? {
        for key in ["requestID", "requestId", "request_id"] {
            if let id = json[key]?.string, !id.isEmpty { return id }
        }
        return nil
    }

    /// The event a result reports (`CONNECTION_SENT`, `MESSAGE_REPLY`...), wherever it is written.
    public static func event(in json: JSONValue) -> String? {
        for candidate in [json["result"], json] {
            for key in ["event", "event_type", "eventType", "type"] {
                if let event = candidate?[key]?.string, !event.isEmpty { return event.uppercased() }
            }
        }
        return nil
    }

    /// The action an event or a failure code belongs to: `connect`, `message`, or nil.
    public static func actionType(event: String?, status: String?) -> String? {
        let text = ((event ?? "") + " " + (status ?? "")).uppercased()
        if text.contains("CONNECTION_SENT") || text.contains("CONNECTION_FAILED") { return "connect" }
        if text.contains("MESSAGE") { return "message" }
        return nil
    }
}
