/// A thread's replies as metrics.md reads them, from its messages oldest first, every inbound one classed:
/// the first reply, the genuine reply (the first that is not an auto-reply), the thread's class and its follow-ups.
struct ThreadReplies {
    /// The first timed outbound message, and the first inbound one after it: the contract's reply.
    var firstOutboundAt: String?
    var firstReplyAt: String?
    var genuineReplyAt: String?
    /// The genuine reply's class, `auto_reply` when every reply is one, nil without a reply.
    var replyClass: ReplyClass?
    /// Outbound messages after the first and before the genuine reply (the first reply for an auto-reply thread).
    var followUpsBeforeReply: Int?
    /// Outbound messages from the first one on that no genuine reply had answered yet: the follow-up steps reached.
    var stepsBeforeGenuineReply: Int?

    init(_ ordered: [ThreadMessage]) {
        guard let start = ordered.firstIndex(where: { $0.direction == "out" && $0.sentAt != nil }) else { return }
        firstOutboundAt = ordered[start].sentAt
        var outbound = 0
        var outboundAtFirstReply: Int?
        for message in ordered[start...] {
            if message.direction == "out" {
                outbound += 1
                continue
            }
            guard message.direction == "in", let sentAt = message.sentAt else { continue }
            if firstReplyAt == nil {
                firstReplyAt = sentAt
                outboundAtFirstReply = outbound
            }
            if message.replyClass != .autoReply {
                genuineReplyAt = sentAt
                replyClass = message.replyClass ?? .neutral
                followUpsBeforeReply = outbound - 1
                stepsBeforeGenuineReply = outbound
                return
            }
        }
        stepsBeforeGenuineReply = outbound
        if let outboundAtFirstReply {
            replyClass = .autoReply
            followUpsBeforeReply = outboundAtFirstReply - 1
        }
    }
}
