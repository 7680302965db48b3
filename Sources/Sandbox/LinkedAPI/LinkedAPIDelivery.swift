import Foundation

/// A webhook call the emulator owes: a workflow result for the workflow's own `webhook` URL, or an
/// account event for the registered URL.
struct LinkedAPIDelivery: Sendable {
    /// Nil: the URL registered on the emulator's webhook sender (account events).
    let url: URL?
    let body: JSONValue
}
