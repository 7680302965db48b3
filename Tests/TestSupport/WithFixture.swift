/// Runs `body` with what `make` returns and awaits `close` on it on every path: when `body` returns,
/// and when it throws (a failed `#require` included), in which case the error is rethrown after
/// closing. So a test's servers and receivers are stopped before the next test starts, which a
/// `defer { Task { await close() } }` does not promise.
///
/// Each fixture offers it as `Fixture.with { fixture in ... }`; use this directly only for
/// something that has no such helper.
@discardableResult
public func withFixture<Fixture, Result>(
    isolation: isolated (any Actor)? = #isolation,
    make: () async throws -> Fixture,
    close: (Fixture) async -> Void,
    body: (Fixture) async throws -> Result
) async throws -> Result {
    let fixture = try await make()
    let result: Result
    do {
        result = try await body(fixture)
    } catch {
        await close(fixture)
        throw error
    }
    await close(fixture)
    return result
}
