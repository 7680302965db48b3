/// One message of a thread as the transform stores it.
struct ThreadMessage {
    let order: Int
    let direction: String
    let sentAt: String?
    let author: String?
    /// The vendor's id of the message, where it gives one.
    var id: String? = nil
    /// What it says, for an inbound message's class; not stored.
    var text: String? = nil
    /// An inbound message's class: decided from `text` when the thread is stored, or as stored before.
    var replyClass: ReplyClass? = nil
}
