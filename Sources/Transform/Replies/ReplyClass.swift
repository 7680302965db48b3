/// What an inbound reply means, as metrics.md defines it; the raw value is how the warehouse stores it.
public enum ReplyClass: String, CaseIterable, Sendable {
    case autoReply = "auto_reply"
    case negative
    case referral
    case positive
    case neutral

    /// The classes a genuine reply's rules decide, strongest first: when rules of two classes
    /// match, the earlier one wins. Neutral is what matches none.
    static let genuinePrecedence: [ReplyClass] = [.negative, .referral, .positive]
}
