/// One message of a WeConnect (LinkedIn) conversation.
public struct WeConnectMessage: Sendable, Hashable, Codable {
    public let direction: WeConnectMessageDirection
    /// The `name` the API shows: the prospect's name for inbound, the user's full name for outbound.
    public let senderName: String
    public let content: String
    /// When it was sent, seconds since 1970 (UTC): the truth behind `time`, `date_time` and `time_stamp`.
    public let epoch: Int64

    public init(direction: WeConnectMessageDirection, senderName: String, content: String, epoch: Int64) {
        self.direction = direction
        self.senderName = senderName
        self.content = content
        self.epoch = epoch
    }
}
