import Warehouse

/// `limit`/`offset` paging that stops on the vendor's own signal (no next page, last page reached)
/// or on a short page, whichever comes first.
public struct OffsetPaginator: Paginator {
    /// Where the items of a page are, as a path of keys.
    public let itemsPath: [String]
    /// Where the vendor's pagination block is, as a path of keys.
    public let paginationPath: [String]

    public init(itemsPath: [String], paginationPath: [String]) {
        self.itemsPath = itemsPath
        self.paginationPath = paginationPath
    }

    public func next(after parameters: Parameters, page: JSONValue) -> Parameters? {
        guard case .integer(let limit) = parameters["limit"] else { return nil }
        let offset: Int
        if case .integer(let value) = parameters["offset"] { offset = value } else { offset = 0 }
        let items = itemsPath.reduce(Optional(page)) { $0?[$1] }?.array ?? []
        if items.isEmpty || items.count < limit { return nil }
        if let pagination = paginationPath.reduce(Optional(page), { $0?[$1] }) {
            if let next = pagination["next_page_url"], next == .null { return nil }
            if let current = pagination["current_page"]?.int, let total = pagination["total_pages"]?.int, current >= total {
                return nil
            }
        }
        var next = parameters
        next["offset"] = .integer(offset + items.count)
        return next
    }
}
