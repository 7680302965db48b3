import Extract
import Foundation
import Sandbox
import TestSupport
import Testing
import Vendors
import Warehouse

/// Bad answers from a vendor: each is one clear line naming the source and the endpoint, the raw
/// page is kept for diagnosis, and what was loaded before stays.
@Suite struct BadInputTests {
    private func failure(_ fixture: KonnectorFixture, settings: SourceSettings? = nil) async -> ExtractError? {
        await #expect(throws: ExtractError.self) { try await fixture.extract(settings ?? fixture.settings()) }
    }

    private func kept(_ fixture: KonnectorFixture, _ endpoint: String) async throws -> [Row] {
        try await fixture.warehouse.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM raw_page WHERE endpoint = ?", arguments: [endpoint])
        }
    }

    @Test(arguments: [
        ("{\"code\":200,\"data\":{\"linkedin_users\":[", "application/json", "not valid JSON"),
        ("<html><body>Gateway says hello</body></html>", "text/html; charset=utf-8", "expected JSON, got Content-Type text/html"),
        ("{\"code\":200,\"data\":{}}", "text/plain", "expected JSON, got Content-Type text/plain"),
    ])
    func aBrokenAnswerIsOneLineNamingSourceAndEndpoint(body: String, contentType: String, cause: String) async throws {
        try await KonnectorFixture.with { fixture in
            await fixture.server.injectFault(pathSuffix: "/user-campaign-filters", status: 200, body: body, contentType: contentType)
            let error = await failure(fixture)
            let message = error?.description ?? ""
            #expect(message.hasPrefix("acme-konnector: user-campaign-filters: HTTP 200, malformed response: "), "\(message)")
            #expect(message.contains(cause), "\(message)")
            #expect(!message.contains("\n"))
            let rows = try await kept(fixture, "user-campaign-filters")
            #expect(rows.count == 1)
            #expect(String(decoding: rows[0]["body"] as Data, as: UTF8.self) == body, "the raw page is kept verbatim")
        }
    }

    @Test func aKonnectorEnvelopeThatSaysItFailedIsAnErrorEvenWithHTTP200() async throws {
        try await KonnectorFixture.with { fixture in
            let body = #"{"code":400,"status":false,"message":"Invalid parameters","data":{"error":"One or more LinkedIn user information IDs are invalid","error_code":"INVALID_USER_IDS"}}"#
            await fixture.server.injectFault(pathSuffix: "/user-campaign-filters", status: 200, body: body)
            let error = await failure(fixture)
            #expect(error?.description == "acme-konnector: user-campaign-filters: HTTP 400, malformed response: the answer says it failed: One or more LinkedIn user information IDs are invalid (INVALID_USER_IDS)")
        }
    }

    @Test func aHugeBodyIsRefusedAndItsFirstBytesKept() async throws {
        try await KonnectorFixture.with { fixture in
            var settings = fixture.settings()
            settings.maxBodyBytes = 2_000
            let error = await failure(fixture, settings: settings)
            #expect(error?.description.contains("exceeds the limit of 2000") == true, "\(error?.description ?? "")")
            let rows = try await kept(fixture, "user-campaign-filters")
            #expect(rows.count == 1)
            #expect((rows[0]["body"] as Data).count <= (1 << 20))
        }
    }

    @Test func nothingLoadedBeforeIsLostWhenALaterRunMeetsBadInput() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            let before = try fixture.rows(of: "report_campaign_summary")
            await fixture.server.injectFault(pathSuffix: "/campaign-info", status: 200, body: "{\"data\": {\"campaign_info\": [{\"broken\"")
            let result = try await runner.run()
            #expect(!result.succeeded)
            #expect(result.outcomes.first?.error?.contains("campaign-info") == true)
            #expect(try fixture.rows(of: "report_campaign_summary") == before)
        }
    }

    @Test(arguments: ["..", "a/../../etc/passwd", "x?y#z", "sp ace+plus"])
    func idsWithPathCharactersStayOneSegment(id: String) async throws {
        try await WeConnectFixture.with { fixture in
            try RequestLedger(warehouse: fixture.warehouse).register(source: WeConnectFixture.sourceName, requestIDs: [id])
            let session = try fixture.session()
            if id == ".." {
                let error = await #expect(throws: ExtractError.self) {
                    _ = try await session.fetch(WeConnectAPI.request, Parameters(["request_id": .string(id)]))
                }
                #expect(error?.description.hasPrefix("acme-weconnect: ln/request: request_id is missing or not a usable id") == true)
                return
            }
            try await Extractors.extractor(for: .weconnect)?.extract(session)
            let polled = await fixture.server.requests().filter { $0.path.contains("/ln/request/") }
            #expect(polled.count == 1)
            #expect(polled.first?.status == 404, "one unknown id, asked for as one path segment")
            #expect(polled.first?.path.hasPrefix("/weconnect/api/beta/ln/request/") == true)
            #expect(!(polled.first?.path.contains("/etc") ?? true))
        }
    }
}
