import Foundation
import Logging
import Vendors
import Warehouse
import WSClient

/// Stays connected to WeConnect's Pusher channel `private-status-updates-<user_id>` and lands
/// every event in the raw table the moment it arrives, so the next transform applies it. It
/// speaks Pusher protocol 7: `connection_established` gives the socket id, `/broadcasting/auth`
/// signs the subscription, `pusher:ping` is answered, and a dropped connection is reopened with
/// backoff until the task is cancelled.
public struct PusherListener: Sendable {
    public let session: FetchSession
    public let socketURL: URL
    private let logger: Logger

    public init(session: FetchSession, socketURL: URL, logger: Logger) {
        self.session = session
        self.socketURL = socketURL
        self.logger = logger
    }

    /// Listens until the surrounding task is cancelled; returns the number of events landed.
    @discardableResult
    public func run(maxBackoff: Duration = .seconds(60)) async throws -> Int {
        guard let login = session.authenticator as? WeConnectLogin else {
            throw ExtractError(source: session.source.name, endpoint: "pusher", cause: .configuration("email_env and password_env are needed"))
        }
        let landed = EventCount()
        var failures = 0
        while !Task.isCancelled {
            let subscribed = Flag()
            do {
                try await login.login(session)
                guard let userID = await login.userID else {
                    throw ExtractError(source: session.source.name, endpoint: "login", cause: .malformedBody("no success.id in the login answer"))
                }
                try await connect(channel: WeConnectAPI.statusChannel(userID: userID), landed: landed, subscribed: subscribed)
                if Task.isCancelled { break }
                logger.notice("\(session.source.name): pusher: connection closed, reconnecting")
            } catch is CancellationError {
                break
            } catch let error as ExtractError where !error.isTransient {
                throw error
            } catch {
                if Task.isCancelled { break }
                logger.warning("\(session.source.name): pusher: \(session.redacted(String(describing: error)))")
            }
            // A connection that got as far as subscribing starts the backoff over.
            failures = await subscribed.isSet ? 1 : failures + 1
            let ceiling = min(maxBackoff, .milliseconds(250) * (1 << min(failures, 12)))
            try? await session.wait(.milliseconds(Int.random(in: 0...max(1, Int(ceiling / .milliseconds(1))))))
        }
        return await landed.value
    }

    private func connect(channel: String, landed: EventCount, subscribed: Flag) async throws {
        let source = session.source.name
        let session = self.session
        let logger = self.logger
        try await WebSocketClient.connect(url: socketURL.absoluteString, logger: logger) { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = message, let frame = try? JSONValue.parse(Data(text.utf8)),
                      let event = frame["event"]?.string else { continue }
                switch event {
                case "pusher:connection_established":
                    let data = frame["data"]?.string.flatMap { try? JSONValue.parse(Data($0.utf8)) } ?? frame["data"]
                    guard let socketID = data?["socket_id"]?.string else { continue }
                    let answer = try await session.fetch(WeConnectAPI.broadcastingAuth, Parameters([
                        "socket_id": .string(socketID), "channel_name": .string(channel),
                    ]))
                    guard let auth = answer.json["auth"]?.string else {
                        throw ExtractError(source: source, endpoint: "broadcasting/auth", cause: .malformedBody("no auth in the answer"))
                    }
                    try await outbound.write(.text(Self.frame(event: "pusher:subscribe", data: ["auth": auth, "channel": channel])))
                case "pusher_internal:subscription_succeeded":
                    await subscribed.set()
                    logger.info("\(source): listening on \(channel)")
                case "pusher:ping":
                    try await outbound.write(.text(Self.frame(event: "pusher:pong", data: [:])))
                case "pusher:error":
                    let detail = frame["data"]?["message"]?.string ?? frame["data"]?.string ?? "unknown"
                    throw ExtractError(source: source, endpoint: "pusher", cause: .transport("pusher error: \(detail)"))
                case let other where other.hasPrefix("pusher:") || other.hasPrefix("pusher_internal:"):
                    continue
                default:
                    try session.landPushed(endpoint: "pusher:\(event)", parameters: Parameters(["channel": .string(channel)]),
                                           body: Data(text.utf8))
                    await landed.add()
                    logger.info("\(source): pusher: \(event) landed")
                }
            }
        }
    }

    static func frame(event: String, data: [String: String]) -> String {
        let object: [String: Any] = ["event": event, "data": data]
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: json, as: UTF8.self)
    }
}

/// Set once something happened.
actor Flag {
    var isSet = false
    func set() { isSet = true }
}

/// Events landed so far.
actor EventCount {
    var value = 0
    func add() { value += 1 }
}
