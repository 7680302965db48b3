import Foundation
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Linked API's tracked invitations are its followed requests: `report_request_outcomes` holds them
/// as `connect` requests by their latest status, as many of each as the sandbox's generator knows.
@Suite struct LinkedAPIRequestOutcomeTests {
    /// The generator's outcome of each invitation by now, in Linked API's words.
    private func truth(_ dataset: LinkedAPIDataset) -> [String: Int] {
        var counts: [String: Int] = [:]
        for invitation in dataset.invitations {
            let status: LinkedAPIConnectionStatus = invitation.acceptedAt != nil && !invitation.acceptsLive ? .connected
                : invitation.withdrawn ? .notConnected : .pending
            counts[status.rawValue, default: 0] += 1
        }
        return counts
    }

    /// The Linked API source's rows of `report_request_outcomes`.
    private func outcomes(_ fixture: VendorFixture) throws -> [Row] {
        try fixture.warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report_request_outcomes WHERE source = ?", arguments: [VendorFixture.linkedAPIName])
        }
    }

    /// Runs `body` with a fixture whose Linked API invitations were tracked, checked and transformed,
    /// and closes it afterwards.
    private func withCheckedFixture(_ body: (VendorFixture) async throws -> Void) async throws {
        try await VendorFixture.with { fixture in
            let source = fixture.linkedAPISource()
            try fixture.trackLinkedAPI(source)
            let outcomes = try await fixture.extract([source])
            #expect(outcomes.map(\.status) == [.ok], "\(outcomes.map(\.error))")
            try await body(fixture)
        }
    }

    @Test func invitationsAreConnectRequestsByLatestStatus() async throws {
        try await withCheckedFixture { fixture in
            let rows = try outcomes(fixture)
            let expected = truth(fixture.server.linkedAPI)
            #expect(expected.count == 3, "the sandbox has invitations of every status")
            #expect(rows.map { $0["action_type"] as String } == Array(repeating: "connect", count: rows.count))
            #expect(rows.map { $0["sender_id"] as String? } == Array(repeating: fixture.server.linkedAPI.account.accountId, count: rows.count))
            let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0["status"] as String, $0["requests"] as Int) })
            #expect(counts == expected)
            #expect(rows.map { $0["status"] as String } == counts.keys.sorted(), "rows in the contract's order")
        }
    }

    @Test func anInvitationAlsoFollowedAsAnActionCountsOnce() async throws {
        try await withCheckedFixture { fixture in
            let invitation = try #require(fixture.server.linkedAPI.invitations.first { $0.acceptedAt != nil && !$0.acceptsLive })
            try await fixture.warehouse.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO fact_action (source_key, request_id, sender_key, prospect_key, action_type, status, is_final, raw_page_id)
                    SELECT source_key, invitation_id, sender_key, prospect_key, 'connect', 'connected', 1, raw_page_id
                    FROM fact_invitation JOIN dim_source USING (source_key) WHERE name = ? AND invitation_id = ?
                    """, arguments: [VendorFixture.linkedAPIName, invitation.id])
                #expect(db.changesCount == 1)
                try ReportingViews.refresh(in: db)
            }
            let counts = Dictionary(uniqueKeysWithValues: try outcomes(fixture).map { ($0["status"] as String, $0["requests"] as Int) })
            #expect(counts == truth(fixture.server.linkedAPI))
        }
    }
}
