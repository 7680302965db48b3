import Vendors
import Warehouse

/// A paging strategy: given the parameters of one page and its answer, the parameters of the next
/// page, or nil after the last. Endpoints are paged by handing `FetchSession.pages` a paginator,
/// never by a hand-written loop.
public protocol Paginator: Sendable {
    /// The page's items.
    func items(of page: JSONValue) -> [JSONValue]
    func next(after parameters: Parameters, page: JSONValue) -> Parameters?
}

extension FetchSession {
    /// Fetches every page of `endpoint`, handing each to `body` as it lands. A vendor that answers
    /// the same items again (ignoring the page parameter) is an error, never an endless loop.
    public func pages(_ endpoint: Endpoint, _ first: Parameters, paginator: some Paginator,
                      body: (LandedPage) async throws -> Void) async throws {
        var parameters: Parameters? = first
        var previousItems: [JSONValue] = []
        while let current = parameters {
            let page = try await fetch(endpoint, current)
            let items = paginator.items(of: page.json)
            if !items.isEmpty, items == previousItems {
                throw ExtractError(source: source.name, endpoint: endpoint.name,
                                   cause: .malformedBody("the vendor's paging repeats a page (\(current.canonicalJSON))"))
            }
            previousItems = items
            try await body(page)
            parameters = paginator.next(after: current, page: page.json)
        }
    }
}
