import Extract
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Sandbox
import TestSupport
import Testing
import Warehouse

/// `etl listen`'s engine against the sandbox's Pusher endpoint: an event pushed for an action is
/// landed at once and shows in the next transform.
@Suite(.timeLimit(.minutes(2))) struct PusherListenerTests {
    /// Logs in and submits an action straight to the sandbox, as a team's other tools would.
    private func submit(_ fixture: WeConnectFixture, type: String) async throws -> String {
        func post(_ path: String, _ body: [String: Any], token: String? = nil) async throws -> JSONValue {
            var request = URLRequest(url: fixture.server.weConnectBaseURL.appendingPathComponent(path))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            let (data, _) = try await LoopbackHTTP.data(for: request)
            return try JSONValue.parse(data)
        }
        let login = try await post("api/beta/login", ["email": fixture.user.email, "password": fixture.user.password])
        let token = try #require(login.at("success", "token")?.string)
        let account = try #require(fixture.user.accounts.first)
        let sent = try await post("api/beta/ln/send", ["account_id": account.accountID, "linkedin": "ada-lovelace",
                                                       "type": type, "message": "Hello, \"Ada\""], token: token)
        return try #require(sent["request_id"]?.string)
    }

    @Test func landsPushedStatusEventsThatTheNextTransformApplies() async throws {
        var configuration = SandboxConfiguration(endDate: "2026-11-20")
        configuration.weConnectActionDelay = .milliseconds(300)
        try await WeConnectFixture.with(configuration: configuration) { fixture in
            let session = try fixture.session(command: "listen")
            let lines = LogLines()
            let listener = PusherListener(session: session, socketURL: fixture.server.weConnectSocketURL, logger: lines.logger())
            let task = Task { try await listener.run() }
            defer { task.cancel() }
            await lines.line(containing: "listening on private-status-updates-")
            let requestID = try await submit(fixture, type: "connect")
            // The action settles 300 ms of vendor time later, and its status is pushed then.
            await fixture.advanceTime(by: .seconds(1))
            // The dataset's own recent actions settle at the same moment: each landed event is checked until this one's.
            var landed = 0
            var events = 0
            while landed == 0 {
                events += 1
                await lines.line(containing: "pusher: request-status-updated landed", occurrence: events)
                landed = try await fixture.warehouse.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_page WHERE endpoint LIKE 'pusher:%' AND CAST(body AS TEXT) LIKE ?",
                                     arguments: ["%\(requestID)%"]) ?? 0
                }
            }
            #expect(landed == 1, "the pushed event is in the raw table once")
            task.cancel()
            _ = try? await task.value
            try fixture.runner().transform(fixture.warehouse, rebuild: false)
            let status = try await fixture.warehouse.pool.read { db in
                try String.fetchOne(db, sql: "SELECT status FROM fact_action WHERE request_id = ?", arguments: [requestID])
            }
            #expect(status?.hasPrefix("Completed_") == true)
            #expect(await fixture.requests(endingWith: "/ln/request/\(requestID)").isEmpty, "known without polling")
        }
    }
}
