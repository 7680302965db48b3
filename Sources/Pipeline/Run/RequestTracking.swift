import Foundation
import Vendors
import Warehouse

/// `etl track` for one source: requests submitted elsewhere go into the ledger so later runs
/// follow their outcome. Linked API's are invitations: each needs the person it went to, and the
/// list itself is landed raw (who was invited when), since the transform reads only raw pages.
public struct RequestTracking: Sendable {
    public let source: SourceConfiguration

    public init(source: SourceConfiguration) { self.source = source }

    /// Registers the requests; returns how many were new.
    public func register(_ requests: [TrackedRequest], in warehouse: Warehouse) throws -> Int {
        guard source.kind.followsRequests else {
            let kinds = SourceKind.allCases.filter(\.followsRequests).map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(file: nil, "source \"\(source.name)\" is \(source.kind.rawValue); only \(kinds) sources follow request ids")
        }
        if source.kind == .linkedapi {
            if let missing = requests.first(where: { $0.subject == nil }) {
                throw ConfigurationError(file: nil, "source \"\(source.name)\": request \(missing.id) has no person_url; Linked API invitations are checked by the person they went to")
            }
            let rows = requests.map { request -> [String: String] in
                var row = ["request_id": request.id, "person_url": request.subject ?? ""]
                if let sent = request.sentAt { row["sent_at"] = sent }
                return row
            }
            let body = try JSONSerialization.data(withJSONObject: ["requests": rows], options: [.sortedKeys, .withoutEscapingSlashes])
            let log = RunLog(warehouse: warehouse)
            let runID = try log.beginRun(command: "track")
            try DeliveredPage(source: source.name, kind: source.kind, endpoint: "track", method: "TRACK", body: body)
                .land(in: warehouse, runID: runID)
            try log.finishRun(runID, status: .ok)
        }
        return try RequestLedger(warehouse: warehouse).register(source: source.name, requests: requests)
    }
}
