import Chronology
import Foundation
import HTTPTypes
import HummingbirdWebSocket

/// Everything of the WeConnect emulator one sandbox server holds: the HTTP vendor, the live state,
/// the Pusher socket hub, and the upgrade decision for `/weconnect/app/<app key>`.
final class WeConnectEmulator: Sendable {
    /// Where Pusher sockets connect, below the vendor prefix: `/app/<app key>`.
    static let socketPathPrefix = "/app/"

    let dataset: WeConnectDataset
    let state: WeConnectState
    let vendor: WeConnectVendor
    let hub: WeConnectPusherHub
    let appKey: String
    private let session: WeConnectPusherSession
    private let faults: SandboxFaultInjector
    private let log: SandboxRequestLog
    private let clock: SandboxClock

    init(configuration: SandboxConfiguration, faults: SandboxFaultInjector, log: SandboxRequestLog) {
        let dataset = WeConnectGenerator(
            scale: configuration.weConnectScale, endDate: configuration.endDate, days: configuration.days,
            seed: configuration.weConnectSeed, growth: configuration.growth
        ).make()
        self.dataset = dataset
        let clock = configuration.clock
        state = WeConnectState(
            dataset: dataset,
            settings: .init(
                actionDelay: configuration.weConnectActionDelay.timeInterval,
                replyDelay: configuration.weConnectReplyDelay.timeInterval,
                seed: configuration.weConnectSeed),
            clock: clock)
        // The token secret is drawn from the seed: reproducible, never configured, never logged.
        var secretRandom = SeededRandom(seed: configuration.weConnectSeed, stream: 77)
        let signer = WeConnectPusherSigner(appKey: configuration.weConnectAppKey, appSecret: configuration.weConnectAppSecret)
        vendor = WeConnectVendor(routes: WeConnectRoutes(
            state: state,
            jwt: WeConnectJWT(secret: secretRandom.bytes(32), lifetime: configuration.weConnectTokenLifetime),
            signer: signer, clock: clock))
        hub = WeConnectPusherHub(seed: configuration.weConnectSeed)
        session = WeConnectPusherSession(hub: hub, signer: signer)
        appKey = configuration.weConnectAppKey
        self.faults = faults
        self.log = log
        self.clock = clock
    }

    /// The server is listening: the dataset's recent actions start their clock.
    func serverStarted() async {
        await state.serverStarted()
    }

    /// Applies due transitions and pushes their events to subscribed sockets.
    func tick() async {
        for event in await state.drainEvents() {
            await hub.publish(event)
        }
    }

    /// Closes every socket (on server stop).
    func shutdown() async {
        await hub.closeAll()
    }

    /// Decides a WebSocket upgrade request: `/weconnect/app/<key>` becomes a Pusher session (a wrong
    /// key is refused inside the protocol, as Pusher does); anything else, or a path with a pending
    /// injected fault (consumed), is refused with HTTP 400 (the upgrade path cannot serve the fault's
    /// own status). Every attempt is logged like an HTTP request, with status 101 or 400.
    func shouldUpgrade(
        _ head: HTTPRequest
    ) async -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        let time = clock.date()
        let target = head.path ?? "/"
        let path = String(target.prefix { $0 != "?" })
        let queryText = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
        let query = QueryString.parse(queryText)
        let prefix = WeConnectVendor.pathPrefix + Self.socketPathPrefix
        let injected = await faults.take(path: path) != nil
        let accepted = !injected && path.hasPrefix(prefix) && path.count > prefix.count
            && !path.dropFirst(prefix.count).contains("/")
        await log.append(SandboxRequest(
            method: head.method.rawValue.uppercased(), path: path,
            endpoint: path.hasPrefix(WeConnectVendor.pathPrefix + "/")
                ? String(path.dropFirst(WeConnectVendor.pathPrefix.count)) : path,
            queryItems: query.map { URLQueryItem(name: $0.name, value: SandboxResponder.redacted($0.name, $0.value)) },
            time: time, status: accepted ? 101 : 400, faultInjected: injected))
        guard accepted else { return .dontUpgrade }
        let key = String(path.dropFirst(prefix.count)).removingPercentEncoding ?? String(path.dropFirst(prefix.count))
        let version = query.last { $0.name == "protocol" }?.value
        let session = session
        return .upgrade([:]) { inbound, outbound, _ in
            await session.run(appKey: key, protocolVersion: version, inbound: inbound, outbound: outbound)
        }
    }
}
