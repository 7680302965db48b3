import Foundation

/// The footer of every page: when the report was generated, each source's status and last good data, and how
/// many data-quality warnings there are, linked to their list.
struct ProvenanceFooter {
    let generatedAt: Date
    let sources: [SourceHealth]
    let warningCount: Int
    /// The path back to the reports folder: empty on index.html, `../` on the pages below it.
    let root: String

    var html: String {
        let generated = ISO8601DateFormatter().string(from: generatedAt)
        let warnings = warningCount == 1 ? "1 data-quality warning" : "\(warningCount) data-quality warnings"
        var html = """
            <footer id="provenance"><h2>Provenance</h2><p>Generated <time datetime="\(generated)">\(generated)</time> \
            from the warehouse&#39;s reporting views. \
            <a href="\(root)index.html#report_quality_warnings">\(warnings)</a>.</p>

            """
        guard !sources.isEmpty else { return html + "<p class=\"empty\">No source has run yet</p></footer>\n" }
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
