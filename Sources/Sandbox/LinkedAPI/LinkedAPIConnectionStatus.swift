/// `data.connectionStatus` of `st.checkConnectionStatus`.
public enum LinkedAPIConnectionStatus: String, Sendable, Hashable, Codable {
    case connected
    case pending
    case notConnected
}

extension LinkedAPIConnectionStatus {
    /// The status a person's invitations give: connected once any was accepted, pending while one
    /// waits for an answer, otherwise (none, or all withdrawn) not connected.
    init(invitations: some Sequence<LinkedAPIInvitation>) {
        var pending = false
        for invitation in invitations {
            if invitation.acceptedAt != nil {
                self = .connected
                return
            }
            if invitation.isPending { pending = true }
        }
        self = pending ? .pending : .notConnected
    }
}
