import Foundation

/// One vendor response exactly as it arrived: the unit of the raw landing table.
public struct RawPage: Sendable {
    public var id: Int64?
    public var runID: Int64
    public var source: String
    public var kind: String
    /// The vendor endpoint's name as its document spells it, e.g. `campaign-info`.
    public var endpoint: String
    public var method: String
    /// The request's parameters as canonical JSON (sorted keys), never with a secret in it.
    public var parameters: String
    public var httpStatus: Int
    public var contentType: String?
    public var fetchedAt: String
    public var body: Data
    public var contentHash: String

    public init(id: Int64? = nil, runID: Int64, source: String, kind: String, endpoint: String, method: String,
                parameters: String, httpStatus: Int, contentType: String?, fetchedAt: String, body: Data,
                contentHash: String) {
        self.id = id
        self.runID = runID
        self.source = source
        self.kind = kind
        self.endpoint = endpoint
        self.method = method
        self.parameters = parameters
        self.httpStatus = httpStatus
        self.contentType = contentType
        self.fetchedAt = fetchedAt
        self.body = body
        self.contentHash = contentHash
    }

    /// The request's parameters read back as JSON (`.null` when they are not).
    public var parameterValues: JSONValue {
        (try? JSONValue.parse(Data(parameters.utf8))) ?? .null
    }

    /// Whether the page is a successful answer that the transform should read.
    public var isSuccess: Bool { (200..<300).contains(httpStatus) }
}

extension RawPage: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], runID: row["run_id"], source: row["source"], kind: row["kind"],
                  endpoint: row["endpoint"], method: row["method"], parameters: row["parameters"],
                  httpStatus: row["http_status"], contentType: row["content_type"], fetchedAt: row["fetched_at"],
                  body: row["body"], contentHash: row["content_hash"])
    }
}

extension RawPage {
    /// Appends the page to the raw landing table and returns its id.
    @discardableResult
    public func insert(_ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO raw_page (run_id, source, kind, endpoint, method, parameters, http_status, content_type,
                                  fetched_at, body, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [runID, source, kind, endpoint, method, parameters, httpStatus, contentType,
                             fetchedAt, body, contentHash])
        return db.lastInsertedRowID
    }
}
