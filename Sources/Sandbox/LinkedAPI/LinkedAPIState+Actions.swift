/// What each workflow action does to the state. Error types and messages are the sandbox's own
/// (assumption: the document names none).
extension LinkedAPIState {
    /// Runs one action at `second` (seconds since 1970). Every action of a workflow runs, also after
    /// one failed (assumption: the document does not say that a failure stops its `then` actions).
    func execute(_ action: LinkedAPIAction, at second: Int64) -> LinkedAPIActionResult {
        let personURL = action.string("personUrl") ?? ""
        guard let slug = LinkedAPIPersonURL.slug(personURL), let person = directory[slug] else {
            return .failure(action, "personNotFound", "No LinkedIn member found at \(personURL).")
        }
        let status = LinkedAPIConnectionStatus(invitations: invitations(to: slug))
        switch action.type {
        case .checkConnectionStatus:
            return .success(action, ["connectionStatus": .string(status.rawValue)])
        case .sendConnectionRequest:
            switch status {
            case .connected:
                return .failure(action, "alreadyConnected", "You are already connected with this person.")
            case .pending:
                return .failure(action, "alreadyPending", "A connection request to this person is already pending.")
            case .notConnected:
                runtimeInvitations += 1
                // The runtime invitation keeps the URL as the workflow gave it; it stays pending
                // (assumption: nobody accepts during a run but the dataset's live invitations).
                addInvitation(LinkedAPIInvitation(
                    id: "inv-run-\(runtimeInvitations)", personURL: personURL, slug: slug, name: person.name,
                    sentAt: second, acceptedAt: nil, withdrawn: false, acceptsLive: false))
                return .success(action)
            }
        case .sendMessage:
            // Pending counts as not connected: LinkedIn only lets connections message for free.
            guard status == .connected else {
                return .failure(action, "notConnected", "You can only message people you are connected with.")
            }
            var random = runtimeRandom()
            var conversation = conversations[slug] ?? LinkedAPIConversation(
                slug: slug, personURL: person.personURL, threadId: LinkedAPIIdentifiers.threadID(&random), messages: [])
            if conversations[slug] == nil { conversationOrder.append(slug) }
            // Kept in time order even if the clock is behind the dataset's last message.
            let time = max(second, conversation.messages.last?.time ?? second)
            conversation.messages.append(LinkedAPIMessage(
                id: SandboxIdentifiers.uuid(&random), sender: .us, text: action.string("text") ?? "", time: time,
                threadId: conversation.threadId))
            conversations[slug] = conversation
            return .success(action)
        }
    }
}
