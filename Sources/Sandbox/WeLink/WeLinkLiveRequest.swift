/// One asynchronous request as the running emulator tracks it (submitted at run time, or from the
/// dataset), and its `get_response` body at any moment.
struct WeLinkLiveRequest: Sendable {
    /// What the request asks for, with its parameters.
    enum Kind: Sendable {
        case connect(note: String?)
        case message(text: String)
        case connectionStatus
        case threads(after: WeLinkThreadCursor?, limit: Int)
    }

    let id: String
    let accountID: String
    let kind: Kind
    /// As the request gave it; empty for `threads`.
    let profileURL: String
    /// Normalised; nil when `profileURL` is no LinkedIn profile URL (and for `threads`).
    let slug: String?
    /// Order of creation, to break ties between transitions due at the same time.
    let sequence: Int
    /// The dataset's recent requests end as the dataset says; runtime ones are decided on settling.
    let fixedOutcome: WeLinkOutcome?
    /// When it finishes; nil while a dataset request waits for the server's first start.
    var settlesAt: Double?
    /// Nil while pending.
    var outcome: WeLinkOutcome?
    /// The success `result`, replaced by the `MESSAGE_REPLY` one when a reply arrives.
    var result: JSONValue?
    var sentAt: Int64?
    /// Messages: whether a reply comes, its text, and when.
    var willReply = false
    var replyText: String?
    var repliesAt: Double?
    var repliedAt: Int64?

    /// Whether a transition is still to come.
    var isLive: Bool {
        outcome == nil || (willReply && repliedAt == nil)
    }

    /// The `get_response` body (also the webhook body): pending, success or failure shape.
    var body: JSONValue {
        guard let outcome else {
            return ["status": "PENDING", "request_id": .string(id), "message": "Request is still being processed"]
        }
        if outcome == .success, let result {
            return ["status": "SUCCESS", "requestId": .string(id), "result": result]
        }
        return [
            "status": .string(outcome.rawValue),
            "request_id": .string(id),
            "message": .optional(outcome.failureMessage),
        ]
    }
}
