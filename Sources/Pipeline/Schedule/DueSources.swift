import Foundation

/// Decides which sources `etl run --due` runs: those whose schedule is due at a given moment,
/// measured from the start of each source's last successful run.
public struct DueSources: Sendable {
    /// The zone anchored schedules (`daily at 06:00`) are read in.
    public let zone: TimeZone
    /// Each source's last success, by source name; a source missing here has never succeeded.
    public let lastSuccesses: [String: LastSuccess]

    public init(zone: TimeZone, lastSuccesses: [String: LastSuccess]) {
        self.zone = zone
        self.lastSuccesses = lastSuccesses
    }

    /// The configuration's zone and the last successes the warehouse's run log holds.
    public init(configuration: PipelineConfiguration, history: RunHistory) throws {
        self.init(zone: configuration.scheduleZone, lastSuccesses: try history.lastSuccesses())
    }

    /// Whether `source` should run at `now`.
    public func isDue(_ source: SourceConfiguration, now: Date) -> Bool {
        source.scheduleRule.isDue(lastSuccess: lastSuccesses[source.name]?.runStartedAt, now: now, zone: zone)
    }

    /// The sources of `sources` that are due at `now`, in their order.
    public func select(_ sources: [SourceConfiguration], now: Date) -> [SourceConfiguration] {
        sources.filter { isDue($0, now: now) }
    }
}
