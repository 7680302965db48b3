/// Everything the Linked API sandbox starts with: the account, the invitations it sent, members it
/// never invited, and its conversations. Times are seconds since 1970 (UTC).
///
/// Person URLs are compared by normalised slug (`LinkedAPIPersonURL.slug`), so every helper taking a
/// `personURL` accepts any form of it.
public struct LinkedAPIDataset: Sendable, Hashable, Codable {
    public let account: LinkedAPIAccount
    /// In generation order (not by date).
    public let invitations: [LinkedAPIInvitation]
    /// Known LinkedIn members never invited.
    public let members: [LinkedAPIMember]
    /// One per accepted (not live) invitation, in invitation order.
    public let conversations: [LinkedAPIConversation]
    /// First day of the generated window, `YYYY-MM-DD`.
    public let startDate: String
    /// Last day of the generated window, `YYYY-MM-DD`.
    public let endDate: String

    public init(
        account: LinkedAPIAccount, invitations: [LinkedAPIInvitation], members: [LinkedAPIMember],
        conversations: [LinkedAPIConversation], startDate: String, endDate: String
    ) {
        self.account = account
        self.invitations = invitations
        self.members = members
        self.conversations = conversations
        self.startDate = startDate
        self.endDate = endDate
    }

    /// The invitations to the person of `personURL` (any form), in dataset order.
    public func invitations(ofPersonURL personURL: String) -> [LinkedAPIInvitation] {
        guard let slug = LinkedAPIPersonURL.slug(personURL) else { return [] }
        return invitations.filter { $0.slug == slug }
    }

    /// The name of the person of `personURL` (invited or not); nil when the sandbox does not know them.
    public func name(ofPersonURL personURL: String) -> String? {
        guard let slug = LinkedAPIPersonURL.slug(personURL) else { return nil }
        return invitations.first { $0.slug == slug }?.name ?? members.first { $0.slug == slug }?.name
    }

    /// What `st.checkConnectionStatus` answers for `personURL` before any workflow changed anything:
    /// live invitations count as pending, or as connected when `liveAccepted` (after the acceptance
    /// delay). Nil when the action fails with `personNotFound`.
    public func connectionStatus(
        ofPersonURL personURL: String, liveAccepted: Bool = false
    ) -> LinkedAPIConnectionStatus? {
        guard name(ofPersonURL: personURL) != nil else { return nil }
        return LinkedAPIConnectionStatus(invitations: invitations(ofPersonURL: personURL).map { invitation in
            var copy = invitation
            if liveAccepted, invitation.acceptsLive { copy.acceptedAt = invitation.sentAt }
            return copy
        })
    }

    /// The invitations accepted at or before `time` (the live ones are never included: their
    /// acceptance time is only known once the server runs), by acceptance time.
    public func acceptedInvitations(asOf time: Int64 = .max) -> [LinkedAPIInvitation] {
        invitations.filter { invitation in invitation.acceptedAt.map { $0 <= time } ?? false }
            .sorted { ($0.acceptedAt ?? 0, $0.id) < ($1.acceptedAt ?? 0, $1.id) }
    }

    /// The invitations waiting for an answer when the server starts (the live ones included).
    public var pendingInvitations: [LinkedAPIInvitation] {
        invitations.filter(\.isPending)
    }

    /// The invitations accepted `linkedAPIAcceptanceDelay` after the server starts.
    public var liveInvitations: [LinkedAPIInvitation] {
        invitations.filter(\.acceptsLive)
    }

    /// The conversation with the person of `personURL` (any form); nil when there is none.
    public func conversation(ofPersonURL personURL: String) -> LinkedAPIConversation? {
        guard let slug = LinkedAPIPersonURL.slug(personURL) else { return nil }
        return conversations.first { $0.slug == slug }
    }

    /// The messages with the person of `personURL` strictly after `since` (all when nil), oldest
    /// first: what `/account/conversations/poll` answers before any workflow sent a message.
    public func messages(ofPersonURL personURL: String, since: Int64? = nil) -> [LinkedAPIMessage] {
        (conversation(ofPersonURL: personURL)?.messages ?? []).filter { message in since.map { message.time > $0 } ?? true }
    }
}
