import Foundation
import Publish
import Warehouse

/// Publishing the warehouse to the configured destinations.
extension PipelineRunner {
    /// Publishes `warehouse` to each destination (only `names`, when given), one after another; a destination
    /// that fails is logged in one line and listed in the outcome, and never stops the others.
    public func publish(_ warehouse: Warehouse, runID: Int64? = nil, destinations names: [String] = []) async throws -> PublishResult {
        let destinations = try selectDestinations(names)
        var runID = runID
        if runID == nil {
            runID = try await warehouse.pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM run") }
        }
        var result = PublishResult()
        for destination in destinations {
            do {
                guard let text = environment[destination.urlEnv], !text.isEmpty else {
                    throw PublishError(destination: destination.name,
                                       cause: .badURL("the environment variable \(destination.urlEnv) (url_env) is not set"))
                }
                let url: PostgresURL
                do {
                    url = try PostgresURL(text)
                } catch {
                    throw PublishError(destination: destination.name, cause: error)
                }
                let publisher = PostgresPublisher(
                    destination: PostgresDestination(name: destination.name, url: url, schema: destination.schema), logger: logger)
                logger.info("publish: \(destination.name): to \(url), schema \(destination.schema)")
                let summary = try await publisher.publish(warehouse, runID: runID)
                logger.info("publish: \(destination.name): \(summary.totalRows) rows in \(summary.rows.count) tables in \(Duration(timeInterval: summary.seconds).secondsText) s")
                result.published.append(summary)
            } catch let error as PublishError {
                logger.error("\(error.description)")
                result.failed.append(error)
            }
        }
        return result
    }

    /// The destinations named (every one when none is), in the file's order.
    public func selectDestinations(_ names: [String]) throws(ConfigurationError) -> [DestinationConfiguration] {
        let all = configuration.destinations
        guard !names.isEmpty else { return all }
        for name in names where !all.contains(where: { $0.name == name }) {
            let known = all.map(\.name).joined(separator: ", ")
            throw ConfigurationError(file: nil, "no destination named \"\(name)\"\(known.isEmpty ? "; the file has none" : "; the file has \(known)")")
        }
        return all.filter { names.contains($0.name) }
    }
}

/// What a publish to the destinations did: the summaries of those published, the errors of those that failed.
public struct PublishResult: Sendable {
    public var published: [PublishSummary] = []
    public var failed: [PublishError] = []
    public var succeeded: Bool { failed.isEmpty }
}
