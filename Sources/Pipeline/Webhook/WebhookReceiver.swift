import Extract
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Vendors
import Warehouse

/// `etl webhook serve`: receives We-Link and Linked API deliveries at `POST /webhooks/<source>`.
/// A delivery must carry the source's shared secret (`?token=` in the URL given to the vendor, or
/// an `X-Webhook-Secret` header); it is written to the raw table and committed before the 2xx
/// answer, so a receiver killed after answering has lost nothing; the same body delivered again
/// is acknowledged without being stored twice; a body over the size limit is refused with 413.
/// Every refused delivery is logged as a warning with its path. A connection that sends nothing
/// (or stops in the middle of a request) for `idleTimeout` is closed.
public struct WebhookReceiver: Sendable {
    /// The largest delivery accepted; vendors' results are a few kilobytes.
    public static let defaultMaxBodyBytes = 256 << 10
    /// How long a connection may stay silent, before its request or between requests.
    public static let defaultIdleTimeout = Duration.seconds(30)
    /// The most characters of a refused delivery's path a log line shows.
    static let loggedPathLength = 200

    let warehouse: Warehouse
    let runID: Int64
    /// Each receiving source's kind and secret, by source name.
    let sources: [String: (kind: SourceKind, secret: String)]
    let maxBodyBytes: Int
    let idleTimeout: Duration
    let logger: Logger

    /// Checks that every webhook source has its secret (a `ConfigurationError` otherwise; the
    /// configuration names the sources) and makes the warehouse's commits durable (a `StorageError`
    /// when it cannot).
    public init(configuration: PipelineConfiguration, environment: [String: String], warehouse: Warehouse, runID: Int64,
                maxBodyBytes: Int = defaultMaxBodyBytes, idleTimeout: Duration = defaultIdleTimeout, logger: Logger) throws {
        var sources: [String: (SourceKind, String)] = [:]
        for source in configuration.sources where source.kind.deliversToWebhooks {
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
        try StorageError.naming("webhook", in: warehouse) {
            try warehouse.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        self.runID = runID
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.logger = logger
    }

    /// The sources that receive deliveries.
    public var sourceNames: [String] { sources.keys.sorted() }

    /// Serves until `stop` returns (or the task is cancelled), then shuts down gracefully: a
    /// delivery being stored is finished and answered. `onListening` gets the bound port. An
    /// address that cannot be listened on throws `WebhookReceiver.ListenError`.
    public func serve(host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void,
                      until stop: @escaping @Sendable () async -> Void) async throws {
        let router = Router()
        router.post("/webhooks/:source") { request, context -> Response in
            await receive(request, context: context)
        }
        router.add(middleware: UnroutedDeliveries(receiver: self))
        var quiet = logger
        quiet.logLevel = .warning
        let app = Application(router: router, server: .http1(configuration: .init(idleTimeout: TimeAmount(idleTimeout))),
                              configuration: .init(address: .hostname(host, port: port)),
                              onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
                              logger: quiet)
        let group = ServiceGroup(configuration: .init(services: [app], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do { try await group.run() } catch { throw ListenError(host: host, port: port, error) ?? error }
            }
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
            return refuse(.unknownSource, request, source: nil)
        }
        let token = request.uri.queryParameters.get("token")
            ?? request.headers[HTTPField.Name("X-Webhook-Secret")!]
        guard let token, Self.equalInConstantTime(token, source.secret) else {
            return refuse(.badSecret, request, source: name)
        }
        let body: Data
        do {
            var request = request
            body = Data(try await request.collectBody(upTo: maxBodyBytes).readableBytesView)
        } catch {
            return refuse(.tooLarge(maxBodyBytes), request, source: name)
        }
        guard (try? JSONValue.parse(body)) != nil else {
            return refuse(.notJSON, request, source: name)
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

    /// Why a delivery is refused: the answer the vendor gets and the reason the log gives.
    enum Refusal {
        case unknownSource, badSecret, tooLarge(Int), notJSON

        var status: HTTPResponse.Status {
            switch self {
            case .unknownSource: .notFound
            case .badSecret: .unauthorized
            case .tooLarge: .contentTooLarge
            case .notJSON: .badRequest
            }
        }

        var reason: String {
            switch self {
            case .unknownSource: "no webhook source of that name"
            case .badSecret: "the shared secret is missing or wrong"
            case .tooLarge(let limit): "the body exceeds \(limit) bytes"
            case .notJSON: "the body is not JSON"
            }
        }
    }

    /// Logs the refusal as a warning, with the path made safe to log, and answers it.
    func refuse(_ refusal: Refusal, _ request: Request, source: String?) -> Response {
        logger.warning("\(source.map { "\($0): " } ?? "")webhook: delivery to \(loggable(request.uri.path)) refused: \(refusal.reason)")
        return Self.answer(refusal.status, refusal.reason)
    }

    /// A request path for a log line: every written form of a source's secret redacted (the query,
    /// where the secret travels, is not part of it, but a vendor may misplace it), anything but
    /// printable ASCII escaped, so a line stays one line, and at most `loggedPathLength` characters.
    func loggable(_ path: String) -> String {
        let redacted = Redactor(secrets: sources.values.compactMap(\.secret)).redact(path)
        var text = ""
        for scalar in redacted.unicodeScalars {
            if (0x20..<0x7F).contains(scalar.value) {
                text.unicodeScalars.append(scalar)
            } else {
                text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return text.count > Self.loggedPathLength ? String(text.prefix(Self.loggedPathLength)) + "..." : text
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
