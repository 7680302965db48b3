import Foundation

/// The Linked API emulator's live state: invitations, conversations and workflows as they change at
/// runtime.
///
/// Time only moves forward through `advance(to:)`, which every entry point calls first with one
/// reading of the clock: due workflows run their actions (all at the workflow's finishing time,
/// assumption: the document does not say when within a run an action takes effect) and the live
/// invitations are accepted, in time order; each change that owes a webhook call queues it in the
/// outbox, which the emulator's tick drains. So an HTTP answer and the data always agree.
///
/// The dataset's history counts as past whatever the clock says; runtime changes (workflows, live
/// acceptances) carry the clock's time.
actor LinkedAPIState {
    /// The timing and seed the state runs with.
    struct Settings: Sendable {
        /// Seconds a workflow runs.
        var workflowDelay: Double
        /// Seconds from the server's first start until the live invitations are accepted.
        var acceptanceDelay: Double
        var seed: UInt64
    }

    /// How a workflow stands.
    enum Progress: Sendable {
        case running(workflowID: String, remaining: Double)
        case completed(workflowID: String, completion: JSONValue)
    }

    let account: LinkedAPIAccount
    private let settings: Settings
    private let clock: SandboxClock
    private(set) var invitations: [LinkedAPIInvitation]
    /// Positions in `invitations` by normalised slug: an action looks up its person's, not every one.
    private var invitationPositions: [String: [Int]] = [:]
    /// Every person the sandbox knows, by normalised slug: name and the dataset's URL.
    let directory: [String: (name: String, personURL: String)]
    /// By normalised slug.
    var conversations: [String: LinkedAPIConversation]
    /// Slugs in the order their conversations appeared.
    var conversationOrder: [String]
    private var workflows: [String: LinkedAPIWorkflow] = [:]
    private var workflowByHash: [String: String] = [:]
    /// Ids of workflows still running, in submission order.
    private var running: [String] = []
    private var liveAcceptsAt: Double?
    private var outbox: [SandboxWebhookCall] = []
    private(set) var baseURL: URL?
    private var submissions: UInt64 = 0
    var runtimeInvitations = 0
    var runtimeMessages: UInt64 = 0

    init(dataset: LinkedAPIDataset, settings: Settings, clock: SandboxClock = .system) {
        account = dataset.account
        self.settings = settings
        self.clock = clock
        invitations = dataset.invitations
        for (position, invitation) in dataset.invitations.enumerated() {
            invitationPositions[invitation.slug, default: []].append(position)
        }
        var directory: [String: (name: String, personURL: String)] = [:]
        for member in dataset.members { directory[member.slug] = (member.name, member.personURL) }
        for invitation in dataset.invitations { directory[invitation.slug] = (invitation.name, invitation.personURL) }
        self.directory = directory
        conversations = Dictionary(dataset.conversations.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        conversationOrder = dataset.conversations.map(\.slug)
    }

    // MARK: Time

    /// The server is listening at `baseURL`; on the first start the live invitations' clock starts.
    func serverStarted(baseURL: URL) {
        self.baseURL = baseURL
        if liveAcceptsAt == nil { liveAcceptsAt = clock.epochSeconds() + settings.acceptanceDelay }
    }

    /// Applies everything due at `now`, in time order (live acceptances before workflows due at the
    /// same instant).
    private func advance(to now: Double) {
        var due: [(time: Double, order: Int, workflowID: String?)] = []
        if let liveAcceptsAt, liveAcceptsAt <= now,
           invitations.contains(where: { $0.acceptsLive && $0.acceptedAt == nil && !$0.withdrawn }) {
            due.append((liveAcceptsAt, 0, nil))
        }
        for id in running {
            guard let workflow = workflows[id], workflow.dueAt <= now else { continue }
            due.append((workflow.dueAt, workflow.sequence, id))
        }
        guard !due.isEmpty else { return }
        due.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        for item in due {
            let second = Int64(item.time.rounded(.down))
            if let id = item.workflowID {
                finish(id, at: second)
            } else {
                acceptLive(at: second)
            }
        }
        running.removeAll { workflows[$0]?.completion != nil }
    }

    /// Every invitation to the person of `slug`, oldest first.
    func invitations(to slug: String) -> [LinkedAPIInvitation] {
        (invitationPositions[slug] ?? []).map { invitations[$0] }
    }

    func addInvitation(_ invitation: LinkedAPIInvitation) {
        invitationPositions[invitation.slug, default: []].append(invitations.count)
        invitations.append(invitation)
    }

    private func acceptLive(at second: Int64) {
        for index in invitations.indices
        where invitations[index].acceptsLive && invitations[index].acceptedAt == nil && !invitations[index].withdrawn {
            invitations[index].acceptedAt = second
            outbox.append(SandboxWebhookCall(url: nil, body: LinkedAPIAccountEvent(
                accountID: account.accountId, personURL: invitations[index].personURL, detectedAt: second).json))
        }
    }

    private func finish(_ id: String, at second: Int64) {
        guard var workflow = workflows[id], workflow.completion == nil else { return }
        let results = workflow.action.flattened.map { execute($0, at: second).json }
        let completion: JSONValue = workflow.action.hasThen ? .array(results) : results[0]
        workflow.completion = completion
        workflows[id] = workflow
        if case .hook(let url) = workflow.handling {
            outbox.append(SandboxWebhookCall(url: url, body: [
                "status": "completed", "workflowId": .string(id), "completion": completion,
            ]))
        }
    }

    /// Advances to now and hands out the webhook calls owed.
    func drainOutbox() -> [SandboxWebhookCall] {
        advance(to: clock.epochSeconds())
        defer { outbox.removeAll() }
        return outbox
    }

    // MARK: Workflows

    /// Starts a workflow; it finishes `workflowDelay` from now.
    func submit(_ action: LinkedAPIAction, handling: LinkedAPIResultHandling) -> LinkedAPIWorkflow {
        let now = clock.epochSeconds()
        advance(to: now)
        submissions += 1
        var random = SeededRandom(seed: settings.seed, stream: 8_000_000 + submissions)
        var id = SandboxIdentifiers.uuid(&random)
        while workflows[id] != nil { id = SandboxIdentifiers.uuid(&random) }
        var hash = SandboxIdentifiers.hex(random.bytes(16))
        while workflowByHash[hash] != nil { hash = SandboxIdentifiers.hex(random.bytes(16)) }
        let workflow = LinkedAPIWorkflow(
            id: id, hash: hash, action: action, handling: handling, dueAt: now + settings.workflowDelay,
            sequence: Int(submissions), completion: nil)
        workflows[id] = workflow
        workflowByHash[hash] = id
        running.append(id)
        return workflow
    }

    /// The workflow with this id, as it stands now.
    func progress(workflowID: String) -> Progress? {
        let now = clock.epochSeconds()
        advance(to: now)
        guard let workflow = workflows[workflowID] else { return nil }
        if let completion = workflow.completion { return .completed(workflowID: workflow.id, completion: completion) }
        return .running(workflowID: workflow.id, remaining: max(0, workflow.dueAt - now))
    }

    /// The workflow of this result-link hash, as it stands now.
    func progress(hash: String) -> Progress? {
        guard let id = workflowByHash[hash] else { return nil }
        return progress(workflowID: id)
    }

    // MARK: Truth

    /// Every invitation as it stands now (the dataset's, accepted live ones with their time, then
    /// those sent by workflows).
    func currentInvitations() -> [LinkedAPIInvitation] {
        advance(to: clock.epochSeconds())
        return invitations
    }

    /// Every conversation as it stands now (the dataset's, then those started by workflows).
    func currentConversations() -> [LinkedAPIConversation] {
        advance(to: clock.epochSeconds())
        return conversationOrder.compactMap { conversations[$0] }
    }

    /// A `network.connectionAccepted` event for every invitation accepted so far, by acceptance time.
    func acceptanceEvents() -> [JSONValue] {
        advance(to: clock.epochSeconds())
        return invitations.compactMap { invitation -> (Int64, String, JSONValue)? in
            guard let acceptedAt = invitation.acceptedAt else { return nil }
            return (acceptedAt, invitation.id, LinkedAPIAccountEvent(
                accountID: account.accountId, personURL: invitation.personURL, detectedAt: acceptedAt).json)
        }
        .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        .map(\.2)
    }

    /// The `st` messages with the person of `slug` strictly after `since` (all when nil), oldest first.
    func messages(slug: String, since: Int64?) -> [LinkedAPIMessage] {
        advance(to: clock.epochSeconds())
        return (conversations[slug]?.messages ?? []).filter { message in since.map { message.time > $0 } ?? true }
    }

    /// A fresh seeded generator for runtime ids.
    func runtimeRandom() -> SeededRandom {
        runtimeMessages += 1
        return SeededRandom(seed: settings.seed, stream: 9_000_000 + runtimeMessages)
    }
}
