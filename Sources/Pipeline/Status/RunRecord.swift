import Foundation
import Warehouse

/// One row of the run log's `run` table, as `etl status` lists it.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64
    public var command: String
    public var startedAt: Date?
    /// Nil while the run is still going (or when it was killed).
    public var finishedAt: Date?
    /// `running`, `ok`, `failed`, or `interrupted` for a run found unfinished by a later one.
    public var status: RunStatus

    public init(id: Int64, command: String, startedAt: Date?, finishedAt: Date?, status: RunStatus) {
        self.id = id
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
    }
}
