/// One message of a thread as the transform stores it.
struct ThreadMessage {
    let order: Int
    let direction: String
    let sentAt: String?
    let author: String?
    /// The vendor's id of the message, where it gives one.
    var id: String? = nil
}
