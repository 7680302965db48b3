import Foundation

/// The opaque `next_cursor` of `personal_message_threads`: the sort key of the last thread of a
/// page, so the next page starts right after it even when threads change in between (a thread with
/// new activity moves to the front, like any keyset cursor). Written as base64url of
/// `<last_activity epoch>|<thread_id>` (the encoding is the sandbox's; clients must not parse it).
struct WeLinkThreadCursor: Sendable, Equatable {
    let lastActivityAt: Int64
    let threadID: String

    init(after thread: WeLinkThread) {
        lastActivityAt = thread.lastActivityAt
        threadID = thread.threadID
    }

    /// Reads a cursor written by `encoded`; nil for anything else.
    init?(_ text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let decoded = String(data: data, encoding: .utf8),
              let bar = decoded.firstIndex(of: "|"),
              let epoch = Int64(decoded[..<bar]) else { return nil }
        let id = String(decoded[decoded.index(after: bar)...])
        guard !id.isEmpty else { return nil }
        lastActivityAt = epoch
        threadID = id
    }

    var encoded: String {
        Data("\(lastActivityAt)|\(threadID)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `thread` sorts after this cursor (newest activity first, ties by thread id).
    func precedes(_ thread: WeLinkThread) -> Bool {
        thread.lastActivityAt != lastActivityAt ? thread.lastActivityAt < lastActivityAt : thread.threadID > threadID
    }
}
