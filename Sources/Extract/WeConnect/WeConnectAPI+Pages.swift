import Vendors
import Warehouse

/// How WeConnect's listing pages are read.
extension WeConnectAPI {
    /// `/ln/messages` pages by `page` with a `meta {page, pages, perpage, total}` block.
    static let messagesPaginator = PagePaginator(itemsPath: ["data"], metaPath: ["meta"])
}
