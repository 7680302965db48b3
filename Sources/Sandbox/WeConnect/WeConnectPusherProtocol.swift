import Foundation

/// The Pusher protocol 7 messages the socket sends. As Pusher does, `data` of connection and
/// channel events is a JSON-encoded string; `data` of `pusher:error` is an object.
enum WeConnectPusherProtocol {
    /// Seconds of silence after which a client should ping (announced, not enforced).
    static let activityTimeout = 120

    static func connectionEstablished(socketID: String) -> String {
        text([
            "event": "pusher:connection_established",
            "data": .string(text(["socket_id": .string(socketID), "activity_timeout": .int(activityTimeout)])),
        ])
    }

    static func subscriptionSucceeded(channel: String) -> String {
        text(["event": "pusher_internal:subscription_succeeded", "channel": .string(channel), "data": "{}"])
    }

    /// `code` nil gives `"code": null`, as Pusher sends for messages it cannot act on.
    static func error(code: Int?, message: String) -> String {
        text(["event": "pusher:error", "data": ["code": code.map(JSONValue.int) ?? .null, "message": .string(message)]])
    }

    static let pong = text(["event": "pusher:pong", "data": "{}"])

    /// An event on a channel, e.g. `request-status-updated`.
    static func channelEvent(_ event: WeConnectEvent) -> String {
        text(["event": .string(event.name), "channel": .string(event.channel), "data": .string(text(event.data))])
    }

    /// The compact JSON text of `value`.
    static func text(_ value: JSONValue) -> String {
        String(decoding: value.encoded(), as: UTF8.self)
    }
}
