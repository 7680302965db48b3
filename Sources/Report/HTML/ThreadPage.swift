/// One page of a sender's threads, the latest activity first: at most `rowsPerPage` rows, the first page on the
/// sender's own page, the next ones on numbered pages beside it (`PageName.sender(source:id:page:)`), each linked to
/// the page before and the page after.
struct ThreadPage {
    static let rowsPerPage = 1_000

    let source: String
    let id: String
    /// 1 for the sender's own page.
    let number: Int
    let rows: ReportTable
    /// Whether more of the sender's threads follow on the next page.
    let hasNext: Bool
    /// The sender's threads in all.
    let total: Int

    init(source: String, id: String, number: Int, rows: ReportTable, hasNext: Bool, total: Int) {
        self.source = source
        self.id = id
        self.number = number
        self.rows = rows
        self.hasNext = hasNext
        let seen = (number - 1) * Self.rowsPerPage + rows.rows.count
        self.total = max(total, hasNext ? seen + 1 : seen)
    }

    /// How many pages the sender's threads take.
    var pageCount: Int { max((total + Self.rowsPerPage - 1) / Self.rowsPerPage, number + (hasNext ? 1 : 0), 1) }

    /// This page's path, relative to the reports folder.
    var path: String { PageName.sender(source: source, id: id, page: number) }

    /// The section listing the rows, saying where they are among the sender's threads, between links to the pages
    /// around; a note instead when the sender has no thread.
    func section(site: ReportSite, root: String) -> String {
        let html = "<section id=\"report_threads\"><h2>Threads <code>report_threads</code></h2>"
        guard !rows.rows.isEmpty else { return html + "<p class=\"empty\">No threads yet</p></section>\n" }
        let first = (number - 1) * Self.rowsPerPage + 1, last = first + rows.rows.count - 1
        let counts = "Threads \(IndexSelection.grouped(first))–\(IndexSelection.grouped(last)) of "
            + "\(IndexSelection.grouped(total)), the latest activity first; page \(number) of \(pageCount)."
        let links = navigation(root)
        return html + "<p class=\"rows\">\(counts)</p>\n" + links + site.table(rows, from: root).html + "\n" + links
            + "</section>\n"
    }

    /// Links to the page before and the page after, when there are.
    private func navigation(_ root: String) -> String {
        var links: [String] = []
        if number > 1 {
            let href = root + PageName.sender(source: source, id: id, page: number - 1)
            links.append("<a rel=\"prev\" href=\"\(href.htmlEscaped)\">Previous page (\(number - 1) of \(pageCount))</a>")
        }
        if hasNext {
            let href = root + PageName.sender(source: source, id: id, page: number + 1)
            links.append("<a rel=\"next\" href=\"\(href.htmlEscaped)\">Next page (\(number + 1) of \(pageCount))</a>")
        }
        guard !links.isEmpty else { return "" }
        return "<nav class=\"pages\"><ul>" + links.map { "<li>\($0)</li>" }.joined() + "</ul></nav>\n"
    }
}
