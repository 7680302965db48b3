import Foundation
import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// Reruns change nothing for the vendors that arrive in parts (polls since a time, webhook
/// deliveries, imported files): loading again, rebuilding and a second run on unchanged data give
/// identical views.
@Suite struct EveryVendorIdempotenceTests {
    static let views = ReportingViews.contractViews + ["report_weekly", "report_cohort_acceptance", "report_prospects", "report_people_reached"]

    private func snapshot(_ warehouse: Warehouse) throws -> [[[String]]] {
        try Self.views.map(warehouse.rows(of:))
    }

    @Test func weLinkLinkedAPIAndMobileFilesRebuildToTheSameViews() async throws {
        try await VendorFixture.with { fixture in
            let weLink = fixture.weLinkSource()
            let linkedAPI = fixture.linkedAPISource(mode: .reslink)
            try await ReceiverHandle.with(configuration: fixture.configuration([weLink, linkedAPI]),
                                          environment: fixture.environment, warehouse: fixture.warehouse) { receiver in
                try fixture.trackWeLink()
                try fixture.trackLinkedAPI(linkedAPI)
                await fixture.server.linkedAPIWebhooks.register(receiver.url(source: linkedAPI.name, token: VendorFixture.webhookSecret))
                let events = await fixture.server.replayLinkedAPIAccountEvents()
                let files = LinkedInMobileGenerator(people: fixture.server.sharedPeople).make()
                for (name, data) in [("mailbox.json", files.mailbox), ("connections.json", files.connections)] {
                    try data.write(to: fixture.directory.file(name))
                    _ = try MobileImport(source: "phone").land(fixture.directory.file(name), in: fixture.warehouse)
                }
                await fixture.advanceTime(by: .milliseconds(300))
                try await fixture.extract([weLink, linkedAPI])
                let first = try snapshot(fixture.warehouse)
                #expect(events > 0)
                let empty = zip(Self.views, first).filter { $0.1.isEmpty }.map(\.0)
                #expect(empty == ["report_campaign_summary"], "every view but the campaigns (no Konnector source here) has rows")

                let runner = fixture.runner([weLink, linkedAPI])
                #expect(try runner.transform(fixture.warehouse, rebuild: false).pagesLoaded == 0)
                #expect(try snapshot(fixture.warehouse) == first)
                try runner.transform(fixture.warehouse, rebuild: true)
                #expect(try snapshot(fixture.warehouse) == first, "a rebuild gives the incremental load's rows")

                // Nothing changed at the vendors: a second run polls again and changes no view.
                try await fixture.extract([weLink, linkedAPI])
                #expect(try snapshot(fixture.warehouse) == first)
                await fixture.server.replayLinkedAPIAccountEvents()
                await fixture.advanceTime(by: .milliseconds(300))
                try runner.transform(fixture.warehouse, rebuild: false)
                #expect(try snapshot(fixture.warehouse) == first, "events delivered twice are stored once")
            }
        }
    }
}
