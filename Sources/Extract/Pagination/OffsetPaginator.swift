import Warehouse

/// `limit`/`offset` paging. The vendor's own signals decide (no next page, last page reached,
/// every item counted); only without a pagination block does a short page mean the end, and
/// then measured against the limit the vendor says it applied, which may be below ours.
public struct OffsetPaginator: Paginator {
    /// Where the items of a page are, as a path of keys.
    public let itemsPath: [String]
    /// Where the vendor's pagination block is, as a path of keys.
    public let paginationPath: [String]
    /// Where the vendor's total item count is, as a path of keys.
    public let totalPath: [String]

    public init(itemsPath: [String], paginationPath: [String], totalPath: [String] = []) {
        self.itemsPath = itemsPath
        self.paginationPath = paginationPath
        self.totalPath = totalPath
    }

    public func items(of page: JSONValue) -> [JSONValue] {
        itemsPath.reduce(Optional(page)) { $0?[$1] }?.array ?? []
    }

    public func next(after parameters: Parameters, page: JSONValue) -> Parameters? {
        guard case .integer(let requestedLimit) = parameters["limit"] else { return nil }
        let offset: Int
        if case .integer(let value) = parameters["offset"] { offset = value } else { offset = 0 }
        let count = items(of: page).count
        if count == 0 { return nil }
        let pagination = paginationPath.isEmpty ? nil : paginationPath.reduce(Optional(page)) { $0?[$1] }
        let total = totalPath.isEmpty ? nil : totalPath.reduce(Optional(page), { $0?[$1] })?.int
        if let pagination, pagination.object?.isEmpty == false {
            // The vendor's pagination block decides: a next link or a later page means go on.
            if let next = pagination["next_page_url"], next != .null {
                // go on
            } else if let current = pagination["current_page"]?.int, let pages = pagination["total_pages"]?.int {
                if current >= pages { return nil }
            } else if pagination["next_page_url"] == .null {
                return nil
            } else if let total, offset + count >= total {
                return nil
            }
        } else if let total {
            if offset + count >= total { return nil }
        } else if count < requestedLimit {
            return nil
        }
        var next = parameters
        next["offset"] = .integer(offset + count)
        return next
    }
}
