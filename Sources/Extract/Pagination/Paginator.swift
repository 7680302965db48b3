import Warehouse

/// A paging strategy: given the parameters of one page and its answer, the parameters of the next
/// page, or nil after the last. Endpoints are paged by handing `FetchSession.pages` a paginator,
/// never by a hand-written loop.
public protocol Paginator: Sendable {
    func next(after parameters: Parameters, page: JSONValue) -> Parameters?
}

extension FetchSession {
    /// Fetches every page of `endpoint`, handing each to `body` as it lands.
    public func pages(_ endpoint: Endpoint, _ first: Parameters, paginator: some Paginator,
                      body: (LandedPage) async throws -> Void) async throws {
        var parameters: Parameters? = first
        var seen = Set<String>()
        while let current = parameters {
            guard seen.insert(current.canonicalJSON).inserted else {
                throw ExtractError(source: source.name, endpoint: endpoint.name,
                                   cause: .malformedBody("the vendor's paging repeats a page (\(current.canonicalJSON))"))
            }
            let page = try await fetch(endpoint, current)
            try await body(page)
            parameters = paginator.next(after: current, page: page.json)
        }
    }
}
