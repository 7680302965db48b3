import Chronology
import Foundation
@testable import Sandbox
import Testing

/// The emulator's history replay and its state's time order, driven directly (the server does not
/// expose them yet).
@Suite struct LinkedAPIReplayTests {
    @Test func replaySendsAnEventForEveryAcceptedInvitation() async throws {
        try await TestWebhookReceiver.with { receiver in
            let time = ManualTime()
            var configuration = SandboxConfiguration()
            configuration.clock = SandboxClock(time: time)
            configuration.linkedAPIAcceptanceDelay = .milliseconds(50)
            let emulator = LinkedAPIEmulator(configuration: configuration, people: [])
            #expect(await emulator.replayAccountEvents() == 0)
            await emulator.webhooks.register(receiver.url)
            await emulator.serverStarted(baseURL: try requireURL("http://127.0.0.1:1"))
            time.advance(by: .milliseconds(100))

            let accepted = emulator.dataset.acceptedInvitations()
            let live = emulator.dataset.liveInvitations
            let sent = await emulator.replayAccountEvents()
            #expect(sent == accepted.count + live.count)
            let events = await receiver.objects()
            #expect(events.count == sent)
            #expect(events.allSatisfy { $0.string("event") == "network.connectionAccepted" })
            let bodies = events.compactMap { $0.object("data") }
            // History first, oldest first, each at its acceptance time; then the live ones (accepted now).
            #expect(bodies.prefix(accepted.count).compactMap { $0.string("personUrl") } == accepted.map(\.personURL))
            #expect(bodies.prefix(accepted.count).compactMap { $0.string("detectedAt") }
                == accepted.compactMap { $0.acceptedAt.map { ISOTimestamp.format(epochSeconds: $0) } })
            #expect(Set(bodies.suffix(live.count).compactMap { $0.string("personUrl") }) == Set(live.map(\.personURL)))
            #expect(bodies.allSatisfy { $0.string("accountId") == emulator.dataset.account.accountId })

            let current = await emulator.currentInvitations()
            #expect(current.filter(\.acceptsLive).allSatisfy { $0.acceptedAt != nil })
            await emulator.shutdown()
        }
    }

    @Test func workflowsAndLiveAcceptancesApplyInTimeOrder() async throws {
        let time = ManualTime(startingAt: Date(timeIntervalSince1970: 1_000))
        let dataset = LinkedAPIGenerator(seed: 5).make()
        let state = LinkedAPIState(
            dataset: dataset, settings: .init(workflowDelay: 1, acceptanceDelay: 2, seed: 5),
            clock: SandboxClock(time: time))
        await state.serverStarted(baseURL: try requireURL("http://127.0.0.1:1"))
        let live = try #require(dataset.liveInvitations.first).personURL
        func check() throws -> LinkedAPIAction {
            try #require(LinkedAPIAction(["actionType": "st.checkConnectionStatus", "personUrl": .string(live)]))
        }
        let early = await state.submit(try check(), handling: .long)     // due at 1001
        time.advance(by: .milliseconds(1_500))
        let late = await state.submit(try check(), handling: .reslink)   // due at 1002.5
        time.advance(by: .milliseconds(8_500))                           // both due, and the live acceptance (1002)
        func status(_ id: String) async -> String? {
            guard case .completed(_, let completion)? = await state.progress(workflowID: id),
                  case .object(let result) = completion, case .object(let data)? = result["data"],
                  case .string(let status)? = data["connectionStatus"] else { return nil }
            return status
        }
        #expect(await status(early.id) == "pending")
        #expect(await status(late.id) == "connected")
        let events = await state.drainOutbox()
        #expect(events.count == dataset.liveInvitations.count)
        #expect(events.allSatisfy { $0.url == nil })
        let invitation = try #require(await state.currentInvitations().first { $0.personURL == live })
        #expect(invitation.acceptedAt == 1_002)
        #expect(await state.drainOutbox().isEmpty)
    }
}
