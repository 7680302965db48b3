import Foundation
import Pipeline
import TestSupport
import Testing
import Warehouse

/// A warehouse that cannot take another page (as on a full disk: SQLite's `SQLITE_FULL`) gives an
/// error naming the warehouse and the source or stage, not SQLite's bare message.
@Suite struct StorageErrorTests {
    /// Caps the warehouse's writer connection at the pages it has, so any growth fails with SQLITE_FULL.
    private func fill(_ warehouse: Warehouse) throws {
        try warehouse.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
    }

    @Test func aFullWarehouseDuringExtractionNamesTheWarehouseAndTheSource() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner(sourceName: "acme-konnector")
            let runID = try RunLog(warehouse: fixture.warehouse).beginRun(command: "extract")
            try fill(fixture.warehouse)
            // Whether the run log row still fits decides whether the error is recorded or thrown; either
            // way it reads the same.
            let message: String
            do {
                let outcomes = try await runner.extract(runner.configuration.sources, window: DateWindow(), warehouse: fixture.warehouse,
                                                        runID: runID)
                message = try #require(outcomes.first?.error)
            } catch {
                message = String(describing: error)
            }
            #expect(message == "acme-konnector: warehouse \(fixture.warehouse.url.path): database or disk is full", "\(message)")
        }
    }

    @Test func aFullWarehouseDuringTheTransformNamesTheWarehouseAndTheStage() async throws {
        try await KonnectorFixture.with { fixture in
            let runner = fixture.runner()
            let runID = try RunLog(warehouse: fixture.warehouse).beginRun(command: "extract")
            let outcomes = try await runner.extract(runner.configuration.sources, window: DateWindow(), warehouse: fixture.warehouse, runID: runID)
            #expect(outcomes.allSatisfy { $0.status == .ok })
            try fill(fixture.warehouse)
            let error = #expect(throws: StorageError.self) { try runner.transform(fixture.warehouse, rebuild: false) }
            #expect(error?.description == "transform: warehouse \(fixture.warehouse.url.path): database or disk is full")
        }
    }
}
