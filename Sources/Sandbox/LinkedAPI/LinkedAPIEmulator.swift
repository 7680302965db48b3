import Chronology
import Foundation

/// Everything of the Linked API emulator one sandbox server holds: the dataset, the live state, the
/// HTTP vendor and the outgoing webhook calls (workflow results in `hook` mode to the workflow's
/// `webhook` URL, `network.connectionAccepted` account events to the URL registered on `webhooks`).
final class LinkedAPIEmulator: SandboxEmulator {
    let dataset: LinkedAPIDataset
    let state: LinkedAPIState
    let vendor: LinkedAPIVendor
    /// The vendor's outgoing webhook calls.
    let webhooks: SandboxWebhookSender
    private let courier: SandboxCourier

    var httpVendor: any SandboxVendor { vendor }

    init(configuration: SandboxConfiguration, people: [SandboxPerson]) {
        let dataset = LinkedAPIGenerator(
            scale: configuration.scale, endDate: configuration.endDate, days: configuration.days,
            seed: configuration.linkedAPISeed, people: people,
            invitationsPerBlock: configuration.growth.linkedAPIInvitationsPerBlock
        ).make()
        self.dataset = dataset
        state = LinkedAPIState(
            dataset: dataset,
            settings: .init(
                workflowDelay: configuration.linkedAPIWorkflowDelay.timeInterval,
                acceptanceDelay: configuration.linkedAPIAcceptanceDelay.timeInterval,
                seed: configuration.linkedAPISeed),
            clock: configuration.clock)
        vendor = LinkedAPIVendor(
            routes: LinkedAPIRoutes(state: state, clock: configuration.clock), token: configuration.linkedAPIToken,
            identificationToken: configuration.linkedAPIIdentificationToken)
        webhooks = SandboxWebhookSender(clock: configuration.clock)
        courier = SandboxCourier(webhooks: webhooks)
    }

    /// The server is listening: result links point at it, and the live invitations' clock starts
    /// (first start only).
    func serverStarted(baseURL: URL) async {
        await state.serverStarted(baseURL: baseURL)
        courier.start()
    }

    /// Applies what became due and queues the webhook calls it owes.
    func tick() async {
        courier.enqueue(await state.drainOutbox())
    }

    func deliveriesSettled() async {
        await courier.settled()
    }

    func shutdown() async {
        courier.stop()
    }

    /// POSTs a `network.connectionAccepted` event for every invitation accepted so far (the
    /// dataset's history and the live ones already accepted, `detectedAt` its acceptance time,
    /// oldest first) to the URL registered on `webhooks`, one after another, and returns how many
    /// were sent (0 when no URL is registered).
    @discardableResult
    func replayAccountEvents() async -> Int {
        guard await webhooks.registeredURL != nil else { return 0 }
        let events = await state.acceptanceEvents()
        for event in events { await webhooks.deliver(event.encoded()) }
        return events.count
    }

    /// Every invitation as it stands now: the dataset's (live ones with their acceptance time once
    /// accepted), then those sent by workflows.
    func currentInvitations() async -> [LinkedAPIInvitation] {
        await state.currentInvitations()
    }

    /// Every conversation as it stands now, with the messages workflows sent.
    func currentConversations() async -> [LinkedAPIConversation] {
        await state.currentConversations()
    }
}
