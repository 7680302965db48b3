import Warehouse

/// How a configured source fared in the last run; a failed source's figures are stale.
public struct SourceHealth: Sendable, Equatable {
    public let name: String
    public let kind: String
    public let status: RunStatus
    /// When the source last loaded successfully (ISO 8601 UTC), if ever.
    public let lastSuccessAt: String?
    public let error: String?

    public init(name: String, kind: String, status: RunStatus, lastSuccessAt: String?, error: String?) {
        self.name = name
        self.kind = kind
        self.status = status
        self.lastSuccessAt = lastSuccessAt
        self.error = error
    }

    /// Whether the report must warn that this source's figures are stale.
    public var isStale: Bool { status != .ok }
}
