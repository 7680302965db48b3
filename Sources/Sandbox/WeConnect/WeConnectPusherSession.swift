import Foundation
import HummingbirdWebSocket

/// One Pusher socket, protocol 7: `pusher:connection_established` on connect; `pusher:subscribe`
/// checked against the private-channel signature (`pusher_internal:subscription_succeeded`, or
/// `pusher:error` 4009); `pusher:ping` answered with `pusher:pong`; `pusher:unsubscribe`. Events
/// published on subscribed channels are written as they are queued.
struct WeConnectPusherSession: Sendable {
    let hub: WeConnectPusherHub
    let signer: WeConnectPusherSigner

    /// Largest message accepted from a client.
    static let maxMessageSize = 1 << 16

    /// Serves the socket until either side closes it. A wrong app key gets Pusher's 4001 error and
    /// a close; an explicit `protocol` below 5 gets 4007 (assumption: no `protocol` is accepted).
    func run(
        appKey: String, protocolVersion: String?, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter
    ) async {
        if appKey != signer.appKey {
            await refuse(
                4001, "App key \(appKey) not in this cluster. Did you forget to specify the cluster?", outbound)
            return
        }
        if let protocolVersion, (Int(protocolVersion) ?? 0) < 5 {
            await refuse(4007, "Unsupported protocol version", outbound)
            return
        }
        let (outgoing, continuation) = AsyncStream<String>.makeStream()
        let socketID = await hub.open(continuation)
        continuation.yield(WeConnectPusherProtocol.connectionEstablished(socketID: socketID))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in outgoing {
                    do {
                        try await outbound.write(.text(text))
                    } catch {
                        break
                    }
                }
                // The queue ends when the client left or the server shuts down: close politely.
                try? await outbound.close(.goingAway, reason: nil)
            }
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: Self.maxMessageSize) {
                        guard case .text(let text) = message else { continue }
                        await handle(text, socketID: socketID, reply: continuation)
                    }
                } catch {
                    // The connection failed; treat it as closed.
                }
                continuation.finish()
            }
            await group.next()
            group.cancelAll()
        }
        await hub.close(socketID)
        continuation.finish()
    }

    /// Pusher channel names: 1-164 characters from `A-Z a-z 0-9 _ - = @ , . ;`.
    static func isValidChannelName(_ name: String) -> Bool {
        let allowed = Set("_-=@,.;".unicodeScalars.map(\.value))
        return (1...164).contains(name.unicodeScalars.count) && name.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (97...122).contains(value) || (65...90).contains(value) || (48...57).contains(value)
                || allowed.contains(value)
        }
    }

    private func refuse(_ code: Int, _ message: String, _ outbound: WebSocketOutboundWriter) async {
        try? await outbound.write(.text(WeConnectPusherProtocol.error(code: code, message: message)))
        try? await outbound.close(.unknown(UInt16(clamping: code)), reason: message)
    }

    /// Acts on one client message. `data` may be an object (Pusher's clients) or a JSON string.
    private func handle(
        _ text: String, socketID: String, reply: AsyncStream<String>.Continuation
    ) async {
        guard let message = JSONValue.decode(Data(text.utf8))?.objectValue,
              case .string(let event)? = message["event"]
        else {
            reply.yield(WeConnectPusherProtocol.error(code: nil, message: "Could not parse the message as JSON"))
            return
        }
        let data: [String: JSONValue] = switch message["data"] {
        case .object(let members): members
        case .string(let encoded): JSONValue.decode(Data(encoded.utf8))?.objectValue ?? [:]
        default: [:]
        }
        func string(_ key: String) -> String? {
            if case .string(let value)? = data[key] { return value }
            return nil
        }
        switch event {
        case "pusher:ping":
            reply.yield(WeConnectPusherProtocol.pong)
        case "pusher:pong":
            break
        case "pusher:subscribe":
            // Pusher's channel name rule; the document's own example has a leading space, which
            // Pusher refuses rather than silently subscribing to a channel nobody publishes on.
            guard let channel = string("channel"), Self.isValidChannelName(channel) else {
                reply.yield(WeConnectPusherProtocol.error(
                    code: nil, message: "Invalid channel name '\(string("channel") ?? "")'"))
                return
            }
            if channel.hasPrefix("private-") || channel.hasPrefix("presence-") {
                let auth = string("auth") ?? ""
                let channelData = string("channel_data")
                guard signer.verify(auth, socketID: socketID, channel: channel, channelData: channelData) else {
                    let signed = socketID + ":" + channel + (channelData.map { ":" + $0 } ?? "")
                    reply.yield(WeConnectPusherProtocol.error(
                        code: 4009,
                        message: "Invalid signature: Expected HMAC SHA256 hex digest of \(signed), but got \(auth)"))
                    return
                }
            }
            // Acknowledge before registering, so no channel event can overtake the acknowledgement.
            reply.yield(WeConnectPusherProtocol.subscriptionSucceeded(channel: channel))
            await hub.subscribe(socketID, to: channel)
        case "pusher:unsubscribe":
            if let channel = string("channel") { await hub.unsubscribe(socketID, from: channel) }
        default:
            if event.hasPrefix("client-") {
                reply.yield(WeConnectPusherProtocol.error(code: nil, message: "Client events are not enabled"))
            }
        }
    }
}
