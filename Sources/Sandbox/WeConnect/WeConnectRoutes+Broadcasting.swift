extension WeConnectRoutes {
    /// `POST /broadcasting/auth` (form fields `socket_id`, `channel_name`): `{"auth": "<key>:<hex>"}`,
    /// the Pusher private-channel signature. As Laravel's broadcaster: a missing channel or one the
    /// user may not join (anything but `private-status-updates-<their id>`) is 403. A missing or
    /// malformed socket id (Pusher's `\d+\.\d+`) is 422 (assumption: Laravel would fail inside the
    /// Pusher SDK).
    func broadcastingAuth(user: WeConnectUser, _ input: WeConnectInput) throws(WeConnectError) -> JSONValue {
        guard case .string(let channel)? = input["channel_name"],
              channel == WeConnectEvent.channel(ofUser: user.id)
        else { throw .forbidden }
        guard case .string(let socketID)? = input["socket_id"] else {
            throw .validation([("socket_id", "The socket id field is required.")])
        }
        guard Self.isSocketID(socketID) else {
            throw .validation([("socket_id", "The socket id field format is invalid.")])
        }
        return ["auth": .string(signer.auth(socketID: socketID, channel: channel))]
    }

    /// Pusher's socket id format: digits, a dot, digits.
    static func isSocketID(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
