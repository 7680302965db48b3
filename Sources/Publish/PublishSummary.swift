import Foundation

/// What one publish wrote: the rows of each table, and how long it took.
public struct PublishSummary: Sendable {
    public let destination: String
    /// Every table published, in order, with its rows.
    public let rows: [(table: String, rows: Int)]
    public let seconds: Double

    public var totalRows: Int { rows.reduce(0) { $0 + $1.rows } }
}
