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

    public func next(after parameters: Parameters, page: JSONValue) -> Parameters? {
        guard !items(of: page).isEmpty, let meta = metaPath.reduce(Optional(page), { $0?[$1] }),
              let current = meta["page"]?.int, let pages = meta["pages"]?.int, current < pages else { return nil }
        var next = parameters
        next[parameter] = .integer(Int(current) + 1)
        return next
    }
}
