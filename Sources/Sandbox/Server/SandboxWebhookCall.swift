import Foundation

/// A webhook call an emulator owes: to an explicit URL (a Linked API workflow's own `webhook`), or to the URL
/// registered on the emulator's webhook sender.
struct SandboxWebhookCall: Sendable {
    /// Nil: the URL registered on the emulator's webhook sender.
    let url: URL?
    let body: JSONValue
}
