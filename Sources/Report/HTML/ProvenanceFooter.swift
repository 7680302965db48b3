import Foundation

/// The footer of every page: when the report was generated, each source's status and last good data, and how
/// many data-quality warnings there are, linked to their list. The sources' table is on the index only: the pages
/// below it count the sources and link to it, since a table of every source on every page made the pages grow
/// with sources times pages (an account of 500 sources and 6,000 pages).
struct ProvenanceFooter {
    let generatedAt: Date
    let sources: [SourceHealth]
    let warningCount: Int
    /// The path back to the reports folder: empty on index.html, `../` on the pages below it.
    let root: String

    var html: String {
        let generated = generatedAt.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        let warnings = warningCount == 1 ? "1 data-quality warning" : "\(warningCount) data-quality warnings"
        var html = """
            <footer id="provenance"><h2>Provenance</h2><p>Generated <time datetime="\(generated)">\(generated)</time> \
            from the warehouse&#39;s reporting views. \
            <a href="\(root)index.html#report_quality_warnings">\(warnings)</a>.</p>

            """
        guard !sources.isEmpty else { return html + "<p class=\"empty\">No source has run yet</p></footer>\n" }
        guard root.isEmpty else {
            let stale = sources.count { $0.isStale }
            let count = sources.count == 1 ? "1 source" : "\(sources.count) sources"
            return html + """
                <p>\(count)\(stale > 0 ? ", \(stale) of them stale" : ""): each one&#39;s last run and last good data are \
                in <a href="\(root)index.html#provenance">the report&#39;s provenance</a>.</p></footer>

                """
        }
        html += """
            <div class="scroll"><table><thead><tr><th scope="col">Source</th><th scope="col">Kind</th>\
            <th scope="col">Last run</th><th scope="col">Last good data</th><th scope="col">Error</th></tr></thead><tbody>

            """
        for source in sources {
            let status = source.isStale ? "<strong class=\"stale\">\(source.status.rawValue.htmlEscaped) (stale)</strong>"
                : source.status.rawValue.htmlEscaped
            html += "<tr><td>\(source.name.htmlEscaped)</td><td>\(source.kind.htmlEscaped)</td><td>\(status)</td>"
            html += "<td>\((source.lastSuccessAt ?? "never").htmlEscaped)</td><td>\((source.error ?? "").htmlEscaped)</td></tr>\n"
        }
        return html + "</tbody></table></div></footer>\n"
    }
}
