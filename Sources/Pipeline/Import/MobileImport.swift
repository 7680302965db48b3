import Foundation
import Vendors
import Warehouse

/// `etl import`: a file saved from the LinkedIn mobile app's API (`/li/v1/pages/mailbox` or
/// `/li/v1/people/:id/connections`) landed as a raw page of the source, so the transform loads
/// it into the same facts as the vendors' data. Importing the same file again changes nothing.
public struct MobileImport: Sendable {
    /// What a file holds.
    public enum Content: String, Sendable {
        case mailbox = "li/v1/pages/mailbox"
        case connections = "li/v1/people/connections"
    }

    /// What one import did.
    public struct Outcome: Sendable {
        public let content: Content
        /// False when the same content had been imported before.
        public let landed: Bool
        /// Messages, invitations or connections in the file.
        public let items: Int
    }

    public let source: String

    public init(source: String) { self.source = source }

    /// Recognises the file by its shape: a mailbox has `messages` or `invitations`, a connections
    /// list has `values` of people.
    public static func content(of json: JSONValue) -> (Content, Int)? {
        if json["messages"] != nil || json["invitations"] != nil {
            let count = (json.at("messages", "values")?.array?.count ?? 0) + (json.at("invitations", "values")?.array?.count ?? 0)
            return (.mailbox, count)
        }
        if let people = json["values"]?.array { return (.connections, people.count) }
        return nil
    }

    /// Lands the file in `warehouse` under a run of its own.
    public func land(_ file: URL, in warehouse: Warehouse) throws -> Outcome {
        let body: Data
        do {
            body = try Data(contentsOf: file)
        } catch {
            throw ConfigurationError(file: file.path, "cannot read the file")
        }
        guard let json = try? JSONValue.parse(body) else {
            throw ConfigurationError(file: file.path, "not JSON; expected a saved /li/v1/pages/mailbox or /li/v1/people/:id/connections answer")
        }
        guard let (content, items) = Self.content(of: json) else {
            throw ConfigurationError(file: file.path, "neither a mailbox (messages, invitations) nor a connections list (values)")
        }
        let log = RunLog(warehouse: warehouse)
        let runID = try log.beginRun(command: "import")
        let landed = try DeliveredPage(source: source, kind: .linkedInMobile, endpoint: content.rawValue, method: "IMPORT", body: body)
            .land(in: warehouse, runID: runID, parameters: Self.parameters(file: file))
        try log.finishRun(runID, status: .ok)
        return Outcome(content: content, landed: landed, items: items)
    }

    private static func parameters(file: URL) -> String {
        let data = try? JSONSerialization.data(withJSONObject: ["file": file.lastPathComponent], options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
