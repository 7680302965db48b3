/// The `result` objects of successful requests, in the shapes the brief fixes. Times are ISO 8601
/// UTC with `Z` (assumption: the document shows no timestamps).
enum WeLinkResult {
    /// `send_connection_request`.
    static func connectionSent(accountID: String, profileURL: String, sentAt: Int64) -> JSONValue {
        [
            "event": "CONNECTION_SENT",
            "accountId": .string(accountID),
            "profile_url": .string(profileURL),
            "sent_at": .string(iso(sentAt)),
        ]
    }

    /// `send_message`: `MESSAGE_SENT`, or `MESSAGE_REPLY` once the prospect answered.
    static func message(
        accountID: String, profileURL: String, sentAt: Int64, repliedAt: Int64?, replyText: String?
    ) -> JSONValue {
        var members: [String: JSONValue] = [
            "event": "MESSAGE_SENT",
            "accountId": .string(accountID),
            "profile_url": .string(profileURL),
            "sent_at": .string(iso(sentAt)),
        ]
        if let repliedAt {
            members["event"] = "MESSAGE_REPLY"
            members["replied_at"] = .string(iso(repliedAt))
            members["reply"] = ["text": .string(replyText ?? "")]
        }
        return .object(members)
    }

    /// `get_connection_status`.
    static func connectionStatus(
        accountID: String, profileURL: String, status: WeLinkConnectionStatus
    ) -> JSONValue {
        [
            "accountId": .string(accountID),
            "profile_url": .string(profileURL),
            "connection_status": .string(status.rawValue),
        ]
    }

    /// `personal_message_threads`: one page and the cursor of the next (null on the last page).
    static func threads(accountID: String, page: [WeLinkThread], nextCursor: String?) -> JSONValue {
        [
            "accountId": .string(accountID),
            "threads": .array(page.map(thread)),
            "next_cursor": .optional(nextCursor),
        ]
    }

    static func thread(_ thread: WeLinkThread) -> JSONValue {
        [
            "thread_id": .string(thread.threadID),
            "created_at": .string(iso(thread.createdAt)),
            "last_activity_at": .string(iso(thread.lastActivityAt)),
            "unread_count": .int(thread.unreadCount),
            "profile_id": .string(thread.profileID),
            "full_name": .string(thread.fullName),
            "last_message_at": .string(iso(thread.lastMessageAt)),
            "profile_url": .string(thread.profileURL),
        ]
    }

    static func iso(_ epoch: Int64) -> String {
        ISOTimestamp.format(epochSeconds: epoch, offsetMinutes: 0)
    }
}
