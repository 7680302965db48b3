import Foundation
import Vendors
import Warehouse

/// A page that reached the pipeline without a request of its own (a webhook delivery, an
/// imported file, a tracked list), landed in the raw table unless the same content already is:
/// a vendor that delivers twice, or a file imported twice, changes nothing.
public struct DeliveredPage: Sendable {
    public let source: String
    public let kind: SourceKind
    public let endpoint: String
    public let method: String
    public let body: Data

    public init(source: String, kind: SourceKind, endpoint: String, method: String, body: Data) {
        self.source = source
        self.kind = kind
        self.endpoint = endpoint
        self.method = method
        self.body = body
    }

    /// Lands the page in one transaction; false when identical content was landed before.
    @discardableResult
    public func land(in warehouse: Warehouse, runID: Int64, parameters: String = "{}", at date: Date = Date()) throws -> Bool {
        let hash = ContentHash.hex(body)
        return try warehouse.pool.write { db in
            let known = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM raw_page WHERE source = ? AND endpoint = ? AND content_hash = ?)
                """, arguments: [source, endpoint, hash]) ?? false
            guard !known else { return false }
            let page = RawPage(runID: runID, source: source, kind: kind.rawValue, endpoint: endpoint, method: method,
                               parameters: parameters, httpStatus: 200, contentType: "application/json",
                               fetchedAt: Timestamp.string(date), body: body, contentHash: hash)
            try page.insert(db)
            return true
        }
    }
}
