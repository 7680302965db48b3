/// Something the emulator broadcasts on a user's private channel over the Pusher socket.
struct WeConnectEvent: Sendable, Equatable {
    /// `private-status-updates-<user id>`.
    let channel: String
    /// The Pusher event name.
    let name: String
    /// The payload; Pusher sends it JSON-encoded as a string.
    let data: JSONValue

    /// The private channel of a user (the document's `private-status-updates-<user_id>`).
    static func channel(ofUser userID: Int) -> String {
        "private-status-updates-\(userID)"
    }

    /// An action's status changed (it became final, or a message got its reply). Assumed event name
    /// `request-status-updated` (the document names none); the data mirrors `/ln/request/{id}`:
    /// `request_id`, `request_type`, `request_status`, and `replied` for message actions only.
    static func requestStatus(
        userID: Int, requestID: String, type: WeConnectActionType, status: WeConnectRequestStatus, replied: Bool?
    ) -> WeConnectEvent {
        var data: [String: JSONValue] = [
            "request_id": .string(requestID),
            "request_type": .string(type.rawValue),
            "request_status": .string(status.rawValue),
        ]
        if let replied { data["replied"] = .bool(replied) }
        return WeConnectEvent(channel: channel(ofUser: userID), name: "request-status-updated", data: .object(data))
    }

    /// A LinkedIn account added through `/ln/add` finished connecting. The document says these
    /// updates are broadcast but shows none; assumed event `account-status-updated` with
    /// `account_id`, `account_email` and `status` (`Completed_Success`).
    static func accountStatus(userID: Int, accountID: Int, email: String) -> WeConnectEvent {
        WeConnectEvent(
            channel: channel(ofUser: userID), name: "account-status-updated",
            data: [
                "account_id": .int(accountID),
                "account_email": .string(email),
                "status": .string(WeConnectRequestStatus.completedSuccess.rawValue),
            ])
    }
}
