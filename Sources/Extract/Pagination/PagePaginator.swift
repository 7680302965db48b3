import Warehouse

/// Page-number paging with a `meta {page, pages}` block (WeConnect's `/ln/messages`).
public struct PagePaginator: Paginator {
    public let itemsPath: [String]
    public let metaPath: [String]
    /// The name of the page parameter.
    public let parameter: String

    public init(itemsPath: [String], metaPath: [String], parameter: String = "page") {
        self.itemsPath = itemsPath
        self.metaPath = metaPath
        self.parameter = parameter
    }

    public func items(of page: JSONValue) -> [JSONValue] {
        itemsPath.reduce(Optional(page)) { $0?[$1] }?.array ?? []
    }

    /// With a `meta` block, its `page` and `pages` decide; without one, paging goes on while pages
    /// bring items (an empty page ends it, and `FetchSession.pages` refuses a repeated page).
    public func next(after parameters: Parameters, page: JSONValue) -> Parameters? {
        guard !items(of: page).isEmpty else { return nil }
        let meta = metaPath.reduce(Optional(page)) { $0?[$1] }
        let asked: Int
        if case .integer(let value) = parameters[parameter] { asked = value } else { asked = 1 }
        let current = meta?["page"]?.int.map(Int.init) ?? asked
        if let pages = meta?["pages"]?.int, current >= pages { return nil }
        var next = parameters
        next[parameter] = .integer(current + 1)
        return next
    }
}
