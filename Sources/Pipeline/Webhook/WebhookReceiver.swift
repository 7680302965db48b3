import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import Warehouse

/// `etl webhook serve`: receives We-Link and Linked API deliveries at `POST /webhooks/<source>`.
/// A delivery must carry the source's shared secret (`?token=` in the URL given to the vendor, or
/// an `X-Webhook-Secret` header); it is written to the raw table and committed before the 2xx
/// answer, so a receiver killed after answering has lost nothing; the same body delivered again
/// is acknowledged without being stored twice; a body over the size limit is refused with 413.
public struct WebhookReceiver: Sendable {
    /// The kinds whose vendors deliver webhooks.
    public static let kinds = ["welink", "linkedapi"]
    /// The largest delivery accepted; vendors' results are a few kilobytes.
    public static let defaultMaxBodyBytes = 256 << 10

    let warehouse: Warehouse
    let runID: Int64
    /// Each receiving source's kind and secret, by source name.
    let sources: [String: (kind: String, secret: String)]
    let maxBodyBytes: Int
    let logger: Logger

    /// Checks that every webhook source has its secret; the configuration names the sources.
    public init(configuration: PipelineConfiguration, environment: [String: String], warehouse: Warehouse, runID: Int64,
                maxBodyBytes: Int = defaultMaxBodyBytes, logger: Logger) throws(ConfigurationError) {
        var sources: [String: (String, String)] = [:]
        for source in configuration.sources where Self.kinds.contains(source.kind) {
            guard let variable = source.webhookSecretEnv else { continue }
            guard let secret = environment[variable], !secret.isEmpty else {
                throw ConfigurationError(file: nil, "source \"\(source.name)\": the environment variable \(variable) (webhook_secret_env) is not set")
            }
            sources[source.name] = (source.kind, secret)
        }
        guard !sources.isEmpty else {
            throw ConfigurationError(file: nil, "no welink or linkedapi source has webhook_secret_env; deliveries could not be checked")
        }
        self.sources = sources
        self.warehouse = warehouse
        // A delivery answered 2xx must survive a power loss too, not only the process dying.
        try? warehouse.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        self.runID = runID
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
    }

    /// The sources that receive deliveries.
    public var sourceNames: [String] { sources.keys.sorted() }

    /// Serves until `stop` returns (or the task is cancelled), then shuts down gracefully: a
    /// delivery being stored is finished and answered. `onListening` gets the bound port.
    public func serve(host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void,
                      until stop: @escaping @Sendable () async -> Void) async throws {
        let router = Router()
        router.post("/webhooks/:source") { request, context -> Response in
            await receive(request, context: context)
        }
        var quiet = logger
        quiet.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)),
                              onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
                              logger: quiet)
        let group = ServiceGroup(configuration: .init(services: [app], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                await stop()
                await group.triggerGracefulShutdown()
            }
            // Both end after a stop; a server that fails to run ends the wait for the stop.
            do {
                while try await tasks.next() != nil {}
            } catch {
                tasks.cancelAll()
                throw error
            }
        }
    }

    private func receive(_ request: Request, context: BasicRequestContext) async -> Response {
        guard let name = context.parameters.get("source"), let source = sources[name] else {
            return Self.answer(.notFound, "no webhook source of that name")
        }
        let token = request.uri.queryParameters.get("token")
            ?? request.headers[HTTPField.Name("X-Webhook-Secret")!]
        guard let token, Self.equalInConstantTime(token, source.secret) else {
            logger.warning("\(name): webhook: delivery refused, the shared secret is missing or wrong")
            return Self.answer(.unauthorized, "the shared secret is missing or wrong")
        }
        let body: Data
        do {
            var request = request
            body = Data(try await request.collectBody(upTo: maxBodyBytes).readableBytesView)
        } catch {
            logger.warning("\(name): webhook: delivery refused, larger than \(maxBodyBytes) bytes")
            return Self.answer(.contentTooLarge, "the body exceeds \(maxBodyBytes) bytes")
        }
        guard (try? JSONValue.parse(body)) != nil else {
            logger.warning("\(name): webhook: delivery refused, the body is not JSON")
            return Self.answer(.badRequest, "the body is not JSON")
        }
        do {
            let stored = try DeliveredPage(source: name, kind: source.kind, endpoint: "webhook", method: "PUSH", body: body)
                .land(in: warehouse, runID: runID)
            logger.info("\(name): webhook: delivery \(stored ? "stored" : "already stored, ignored")")
            return Self.answer(.ok, stored ? "stored" : "duplicate")
        } catch {
            // Not stored: a 5xx makes the vendor deliver again.
            logger.error("\(name): webhook: delivery not stored: \(error)")
            return Self.answer(.serviceUnavailable, "not stored, deliver again")
        }
    }

    private static func answer(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let body = #"{"status":"\#(message)"}"#
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Compares without stopping at the first difference, so timing reveals nothing of the secret.
    static func equalInConstantTime(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
