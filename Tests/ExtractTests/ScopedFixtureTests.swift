import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox
import TestSupport
import Testing

/// `withFixture` and the fixtures' `with`: teardown is awaited on every path, so a failing test has
/// stopped its servers before the next one starts.
@Suite struct ScopedFixtureTests {
    /// A fixture that only counts how often it was closed.
    actor RecordedFixture {
        private(set) var closings = 0
        func close() { closings += 1 }
    }

    struct Boom: Error {}

    @Test func aThrowingBodyIsClosedOnceAndItsErrorComesThrough() async throws {
        let fixture = RecordedFixture()
        await #expect(throws: Boom.self) {
            try await withFixture(make: { fixture }, close: { await $0.close() }) { _ in throw Boom() }
        }
        #expect(await fixture.closings == 1)
    }

    @Test func aReturningBodyIsClosedOnceAndItsValueComesThrough() async throws {
        let fixture = RecordedFixture()
        let value = try await withFixture(make: { fixture }, close: { await $0.close() }) { _ in 42 }
        #expect(value == 42)
        #expect(await fixture.closings == 1)
    }

    @Test func aFixtureThatFailsToStartIsNotClosedAndItsBodyNeverRuns() async throws {
        let fixture = RecordedFixture()
        var ran = false
        await #expect(throws: Boom.self) {
            try await withFixture(make: { () throws -> Int in throw Boom() }, close: { _ in await fixture.close() }) { _ in ran = true }
        }
        #expect(await fixture.closings == 0)
        #expect(!ran)
    }

    @Test func theSandboxIsStoppedWhenWithReturnsAfterAThrow() async throws {
        var baseURL: URL?
        await #expect(throws: Boom.self) {
            try await KonnectorFixture.with { fixture in
                baseURL = fixture.server.konnectorBaseURL
                let (_, response) = try await LoopbackHTTP.data(for: URLRequest(url: fixture.server.konnectorBaseURL))
                #expect(response is HTTPURLResponse, "the sandbox answers while the body runs")
                throw Boom()
            }
        }
        let url = try #require(baseURL)
        await #expect(throws: URLError.self, "nothing listens once `with` has returned") {
            _ = try await LoopbackHTTP.data(for: URLRequest(url: url))
        }
    }
}
