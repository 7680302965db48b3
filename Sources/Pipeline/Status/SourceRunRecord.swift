import Foundation
import Warehouse

/// One source's outcome within one run (a row of `run_source`), as `etl status` lists it.
public struct SourceRunRecord: Sendable, Equatable {
    public var runID: Int64
    public var source: String
    public var kind: String
    public var status: RunStatus
    public var pages: Int
    /// Records read from the vendor.
    public var rows: Int
    public var apiCalls: Int
    public var retries: Int
    /// Answers with HTTP 429.
    public var rateLimited: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The one-line error of a failed source, already redacted when it was recorded.
    public var error: String?

    public init(runID: Int64, source: String, kind: String, status: RunStatus, pages: Int, rows: Int = 0, apiCalls: Int, retries: Int,
                rateLimited: Int, startedAt: Date?, finishedAt: Date?, error: String?) {
        self.runID = runID
        self.source = source
        self.kind = kind
        self.status = status
        self.pages = pages
        self.rows = rows
        self.apiCalls = apiCalls
        self.retries = retries
        self.rateLimited = rateLimited
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
    }
}
