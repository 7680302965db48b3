import Foundation
import Pipeline
import TestSupport
import Testing
import Warehouse

/// Reruns change nothing: the same raw pages, loaded again or rebuilt, give byte-identical views.
@Suite struct IdempotenceTests {
    private func snapshot(_ fixture: KonnectorFixture) throws -> [String: [[String]]] {
        var views: [String: [[String]]] = [:]
        for view in ReportingViews.contractViews + ["report_kpis", "report_daily_trend", "report_quality_warnings"] {
            views[view] = try fixture.rows(of: view)
        }
        return views
    }

    @Test func transformTwiceAndRebuildGiveIdenticalViews() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            let first = try snapshot(fixture)
            #expect(first["report_campaign_summary"]?.isEmpty == false)

            let again = try runner.transform(fixture.warehouse, rebuild: false)
            #expect(again.pagesLoaded == 0)
            #expect(try snapshot(fixture) == first)

            let rebuilt = try runner.transform(fixture.warehouse, rebuild: true)
            #expect(rebuilt.pagesLoaded > 0)
            #expect(try snapshot(fixture) == first)
        }
    }

    @Test func aSecondRunOnUnchangedDataChangesNoView() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            let first = try snapshot(fixture)
            _ = try await runner.run()
            #expect(try snapshot(fixture) == first)
            let rebuilt = try runner.transform(fixture.warehouse, rebuild: true)
            #expect(rebuilt.pagesSkipped == 0)
            #expect(try snapshot(fixture) == first)
        }
    }

    @Test func rebuildMakesNoAPICall() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            _ = try await runner.run()
            let calls = await fixture.server.requests().count
            try runner.transform(fixture.warehouse, rebuild: true)
            _ = try runner.report(fixture.warehouse)
            #expect(await fixture.server.requests().count == calls)
        }
    }
}
