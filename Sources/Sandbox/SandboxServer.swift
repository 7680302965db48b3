import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle

/// The embedded sandbox: one Hummingbird HTTP server on loopback that emulates the vendor APIs
/// (Konnector under `/konnector/social_app/api/v1/third_party`, WeConnect under `/weconnect` with
/// its Pusher WebSocket at `/weconnect/app/<app key>`, We-Link under `/welink`, Linked API under
/// `/linkedapi`) from deterministic generated data, with a request log and fault injection for
/// tests. We-Link and Linked API call back through webhooks registered at run time.
public final class SandboxServer: Sendable {
    /// The path prefix of the Konnector emulator on this server.
    public static let konnectorPathPrefix = KonnectorVendor.pathPrefix
    /// The path prefix of the WeConnect emulator on this server.
    public static let weConnectPathPrefix = WeConnectVendor.pathPrefix
    /// How often, on the machine's clock, the emulators apply what became due (socket pushes, webhook calls).
    static let tickInterval = Duration.milliseconds(50)

    public let configuration: SandboxConfiguration
    /// The data the Konnector emulator serves.
    public let konnector: KonnectorDataset

    private let vendor: KonnectorVendor
    private let weConnectEmulator: WeConnectEmulator
    private let weLinkEmulator: WeLinkEmulator
    private let linkedAPIEmulator: LinkedAPIEmulator
    /// The emulators that keep time (all but Konnector's).
    private var emulators: [any SandboxEmulator] { [weLinkEmulator, linkedAPIEmulator] }
    private let faults: SandboxFaultInjector
    private let log: SandboxRequestLog
    private let state = LockedBox<RunState>(RunState())

    private struct RunState {
        var task: Task<Void, any Error>?
        var group: ServiceGroup?
        var baseURL: URL?
        var ticker: Task<Void, Never>?
    }

    public init(configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.configuration = configuration
        let dataset = KonnectorGenerator(
            scale: configuration.scale, endDate: configuration.endDate, days: configuration.days,
            seed: configuration.seed, campaignsPerBlock: configuration.growth.konnectorCampaignsPerBlock
        ).make()
        self.konnector = dataset
        self.vendor = KonnectorVendor(dataset: dataset, configuration: configuration)
        let faults = SandboxFaultInjector()
        let log = SandboxRequestLog()
        self.faults = faults
        self.log = log
        let weConnectEmulator = WeConnectEmulator(configuration: configuration, faults: faults, log: log)
        self.weConnectEmulator = weConnectEmulator
        let people = Self.sharedPeople(weConnectEmulator.dataset)
        self.weLinkEmulator = WeLinkEmulator(configuration: configuration, people: people)
        self.linkedAPIEmulator = LinkedAPIEmulator(configuration: configuration, people: people)
    }

    /// The prospects of the WeConnect data, offered to the other vendors so that some people are
    /// reached through several of them.
    static func sharedPeople(_ dataset: WeConnectDataset) -> [SandboxPerson] {
        var seen = Set<String>()
        return dataset.threads.compactMap { thread in
            let raw = thread.profile.linkedin
            let slug = (raw.removingPercentEncoding ?? raw).lowercased()
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            return SandboxPerson(slug: slug, name: thread.profile.name)
        }
    }

    /// The people several vendors' data share.
    public var sharedPeople: [SandboxPerson] { Self.sharedPeople(weConnectEmulator.dataset) }

    /// Sends Linked API's `network.connectionAccepted` event of every invitation accepted so far
    /// to the URL registered on `linkedAPIWebhooks`; returns how many were sent.
    @discardableResult
    public func replayLinkedAPIAccountEvents() async -> Int {
        await linkedAPIEmulator.replayAccountEvents()
    }

    /// The data the We-Link emulator started with.
    public var weLink: WeLinkDataset { weLinkEmulator.dataset }

    /// The data the Linked API emulator started with.
    public var linkedAPI: LinkedAPIDataset { linkedAPIEmulator.dataset }

    /// Where We-Link's webhook calls go: register the receiver's URL here.
    public var weLinkWebhooks: SandboxWebhookSender { weLinkEmulator.webhooks }

    /// Where Linked API's account events (`network.connectionAccepted`) go: register the
    /// receiver's URL here. Workflow results in `hook` mode go to the URL of their `webhook` header.
    public var linkedAPIWebhooks: SandboxWebhookSender { linkedAPIEmulator.webhooks }

    /// The data the WeConnect emulator started with (runtime changes, such as sent actions or
    /// `appendMessage`, are not reflected here).
    public var weConnect: WeConnectDataset {
        weConnectEmulator.dataset
    }

    /// What answers every request, over HTTP or in-process (`answer`). On a virtual clock no ticker runs, so what
    /// became due is applied before each answer instead.
    var responder: SandboxResponder {
        var responder = SandboxResponder(
            vendors: [vendor, weConnectEmulator.vendor] + emulators.map(\.httpVendor), faults: faults, log: log)
        responder.clock = configuration.clock
        if configuration.clock.manual != nil {
            responder.beforeAnswer = { [weak self] in await self?.tick() }
        }
        return responder
    }

    /// Applies what became due in every emulator: finished requests, pushed socket events, webhook calls queued.
    private func tick() async {
        await weConnectEmulator.tick()
        for emulator in emulators { await emulator.tick() }
    }

    /// Moves the sandbox's virtual clock on by `duration`, applies what became due, and returns once the webhook
    /// calls that owed have gone out: a test's way of letting vendor time pass without sleeping. Requires a
    /// configuration whose `clock` runs on a `ManualTime`.
    public func advanceTime(by duration: Duration) async {
        guard let manual = configuration.clock.manual else {
            preconditionFailure("advanceTime(by:) needs a sandbox configured with a ManualTime clock")
        }
        manual.advance(by: duration)
        await tick()
        await deliveriesSettled()
    }

    /// Returns once every webhook call the emulators have queued so far has gone out.
    public func deliveriesSettled() async {
        for emulator in emulators { await emulator.deliveriesSettled() }
    }

    /// Starts listening and returns the server's base URL, e.g. `http://127.0.0.1:54321`.
    /// Port 0 picks a free port; the URL carries the port actually bound.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> URL {
        let responder = self.responder
        let weConnect = weConnectEmulator
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "sandbox")
        logger.logLevel = .warning
        let app = Application(
            responder: responder,
            server: .http1WebSocketUpgrade { head, _, _ in
                await weConnect.shouldUpgrade(head)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? port)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task: Task<Void, any Error>? = state.withLock { state in
            guard state.task == nil else { return nil }
            let task = Task<Void, any Error> {
                defer { continuation.finish() }
                try await group.run()
            }
            state.task = task
            state.group = group
            return task
        }
        guard let task else { throw SandboxError.alreadyRunning }

        var iterator = ports.makeAsyncIterator()
        guard let boundPort = await iterator.next() else {
            if Task.isCancelled { task.cancel() }
            let reason: String
            switch await task.result {
            case .failure(let error): reason = String(describing: error)
            case .success: reason = "the server exited"
            }
            state.withLock { state in
                state.task = nil
                state.group = nil
            }
            throw SandboxError.failedToStart(host: host, port: port, reason: reason)
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "http://\(hostPart):\(boundPort)") else {
            await stop()
            throw SandboxError.failedToStart(host: host, port: port, reason: "no valid URL for this host")
        }
        await weConnect.serverStarted()
        let emulators = self.emulators
        for emulator in emulators { await emulator.serverStarted(baseURL: url) }
        // A virtual clock moves only when advanced, so ticks come with each answer and each advance instead.
        let ticker: Task<Void, Never>? = configuration.clock.manual != nil ? nil : Task { [weak self] in
            while !Task.isCancelled, let self {
                await self.tick()
                try? await Task.sleep(for: Self.tickInterval)
            }
        }
        state.withLock { state in
            state.baseURL = url
            state.ticker = ticker
        }
        return url
    }

    /// The base URL returned by `start`, nil while not running.
    public var baseURL: URL? {
        state.withLock { $0.baseURL }
    }

    /// The Konnector API base: the base URL plus `/konnector/social_app/api/v1/third_party`.
    /// Before `start` it points at `http://127.0.0.1:0`, where nothing listens.
    public var konnectorBaseURL: URL {
        let base = baseURL?.absoluteString ?? "http://127.0.0.1:0"
        return URL(string: base + Self.konnectorPathPrefix) ?? URL(fileURLWithPath: "/")
    }

    /// The WeConnect API base: the base URL plus `/weconnect` (clients append `/api/beta/...` and
    /// `/broadcasting/auth`). Before `start` it points at `http://127.0.0.1:0`, where nothing listens.
    public var weConnectBaseURL: URL {
        let base = baseURL?.absoluteString ?? "http://127.0.0.1:0"
        return URL(string: base + Self.weConnectPathPrefix) ?? URL(fileURLWithPath: "/")
    }

    /// The We-Link API base: the base URL plus `/welink` (clients append `/api/v1/...`).
    public var weLinkBaseURL: URL { vendorURL(WeLinkVendor.pathPrefix) }

    /// The Linked API base: the base URL plus `/linkedapi` (clients append `/account/...`).
    public var linkedAPIBaseURL: URL { vendorURL(LinkedAPIVendor.pathPrefix) }

    private func vendorURL(_ prefix: String) -> URL {
        let base = baseURL?.absoluteString ?? "http://127.0.0.1:0"
        return URL(string: base + prefix) ?? URL(fileURLWithPath: "/")
    }

    /// The WeConnect Pusher socket: `ws://<host>:<port>/weconnect/app/<app key>` (the document's
    /// `wss://api-us-1.we-connect.io:6001/app/WC94900`). Before `start` the port is 0.
    public var weConnectSocketURL: URL {
        let base = baseURL?.absoluteString ?? "http://127.0.0.1:0"
        let socketBase = "ws" + base.dropFirst("http".count)
        let key = configuration.weConnectAppKey.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
            ?? configuration.weConnectAppKey
        return URL(string: socketBase + Self.weConnectPathPrefix + WeConnectEmulator.socketPathPrefix + key)
            ?? URL(fileURLWithPath: "/")
    }

    /// Adds a message to a WeConnect thread, as if it had just happened on LinkedIn: the thread's
    /// `last_message` and `time_stamp` change (an inbound message also marks it unread). `epoch` is
    /// seconds since 1970, now when nil. Returns false when there is no such thread.
    @discardableResult
    public func appendMessage(
        threadID: String, direction: WeConnectMessageDirection, content: String, epoch: Int64? = nil
    ) async -> Bool {
        await weConnectEmulator.state.appendMessage(
            threadID: threadID, direction: direction, content: content, epoch: epoch)
    }

    /// Stops the server and waits until it has shut down: a graceful shutdown (open connections
    /// finish their request), then cancellation if that takes more than two seconds. Safe to call
    /// more than once.
    public func stop() async {
        let (task, group, ticker) = state.withLock {
            state -> (Task<Void, any Error>?, ServiceGroup?, Task<Void, Never>?) in
            defer {
                state.task = nil
                state.group = nil
                state.baseURL = nil
                state.ticker = nil
            }
            return (state.task, state.group, state.ticker)
        }
        ticker?.cancel()
        guard let task else { return }
        await weConnectEmulator.shutdown()
        for emulator in emulators { await emulator.shutdown() }
        await group?.triggerGracefulShutdown()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(2))
            task.cancel()
        }
        _ = await task.result
        watchdog.cancel()
    }

    /// Every request received so far, in order of completion.
    public func requests() async -> [SandboxRequest] {
        await log.all()
    }

    /// Returns once the server has answered `count` requests in all since it was made (at once when it has): how a
    /// test waits for another process to reach a point of its conversation with the vendors.
    public func requestsAnswered(atLeast count: Int) async {
        await log.wait(forCount: count)
    }

    /// The first request answered that `matches`, once there is one (it may have come already).
    public func request(where matches: @escaping @Sendable (SandboxRequest) -> Bool) async -> SandboxRequest {
        await log.first(where: matches)
    }

    /// The next `times` requests whose path ends with `pathSuffix` get `status` and `body` (a
    /// standard JSON error body when nil) instead of the emulator's answer, before authentication
    /// and rate limiting (they do not count against the limits).
    public func injectFault(pathSuffix: String, status: Int, body: String? = nil, contentType: String? = nil,
                            times: Int = 1) async {
        await faults.add(SandboxFault(pathSuffix: pathSuffix, status: status, body: body, contentType: contentType,
                                      remaining: times))
    }
}
