/// The open Pusher sockets and their channel subscriptions. Each socket has a queue of outgoing text
/// messages (drained by its session), so publishing never waits on the network.
actor WeConnectPusherHub {
    private struct Connection {
        let outgoing: AsyncStream<String>.Continuation
        var channels: Set<String> = []
    }

    private var connections: [String: Connection] = [:]
    private let seed: UInt64
    private var opened: UInt64 = 0

    init(seed: UInt64) {
        self.seed = seed
    }

    /// Registers a socket and returns its new socket id (`<digits>.<digits>`, from a seeded stream).
    func open(_ outgoing: AsyncStream<String>.Continuation) -> String {
        while true {
            opened += 1
            var random = SeededRandom(seed: seed, stream: 9_000_000 + opened)
            let id = "\(random.int(in: 100_000...999_999_999)).\(random.int(in: 1_000_000...9_999_999_999))"
            if connections[id] == nil {
                connections[id] = Connection(outgoing: outgoing)
                return id
            }
        }
    }

    func close(_ socketID: String) {
        connections[socketID] = nil
    }

    func subscribe(_ socketID: String, to channel: String) {
        connections[socketID]?.channels.insert(channel)
    }

    func unsubscribe(_ socketID: String, from channel: String) {
        connections[socketID]?.channels.remove(channel)
    }

    /// Queues `event` on every socket subscribed to its channel.
    func publish(_ event: WeConnectEvent) {
        let text = WeConnectPusherProtocol.channelEvent(event)
        for connection in connections.values where connection.channels.contains(event.channel) {
            connection.outgoing.yield(text)
        }
    }

    /// Ends every socket's queue (its session then closes the socket) and forgets them all.
    func closeAll() {
        for connection in connections.values {
            connection.outgoing.finish()
        }
        connections.removeAll()
    }
}
