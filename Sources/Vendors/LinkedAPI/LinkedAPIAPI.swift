import Foundation
import Warehouse

/// Linked API's Account API as `linkedapi.txt` and the collected facts describe it.
public enum LinkedAPIAPI {
    public static let workflow = Endpoint(.post, "/account/workflow", name: "account/workflow")
    public static let result = Endpoint(.get, "/account/results/{hash}", name: "account/results")
    public static let conversationsPoll = Endpoint(.post, "/account/conversations/poll", name: "account/conversations/poll",
                                                   body: .jsonValue(of: "people"))

    /// The authentication headers: the API token and the account's identification token.
    public static func authHeaders(apiToken: String, identificationToken: String?) -> [String: String] {
        var headers = ["linked-api-token": apiToken]
        if let identificationToken { headers["identification-token"] = identificationToken }
        return headers
    }

    /// A workflow's state, from `status` (the document) or `workflowStatus` (other versions).
    public static func status(of json: JSONValue) -> String? {
        (json["status"]?.string ?? json["workflowStatus"]?.string)?.lowercased()
    }

    /// Whether the workflow is still to finish (`running`, or `pending` in other versions).
    public static func isUnfinished(_ json: JSONValue) -> Bool {
        ["running", "pending"].contains(status(of: json) ?? "")
    }

    /// A completion's action results: one object or an array of them.
    public static func actionResults(of json: JSONValue) -> [JSONValue] {
        guard let completion = json["completion"] else { return [] }
        return completion.array ?? [completion]
    }
}
