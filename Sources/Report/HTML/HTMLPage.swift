import Foundation

/// The frame every report page shares: the XHTML head with the inline styles, a stale-source banner, the body,
/// the page's header, the provenance footer and the one inline script; nothing is loaded from anywhere.
struct HTMLPage {
    let title: String
    /// The path back to the reports folder: empty on index.html, `../` on the pages below it.
    let root: String
    /// Links above the page, such as back to the index: href and text.
    var breadcrumbs: [(href: String, text: String)] = []
    /// The `<header>` with the page's heading, above the banners.
    let header: String
    /// Everything between the banners and the footer.
    let body: String

    func render(_ model: ReportModel) -> String {
        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="color-scheme" content="light dark"/>
            <title>\(title.htmlEscaped)</title>
            <style>\(HTMLRenderer.style)</style>
            </head>
            <body>

            """
        if !breadcrumbs.isEmpty {
            html += "<nav class=\"crumbs\"><ul>"
            html += breadcrumbs.map { "<li><a href=\"\($0.href.htmlEscaped)\">\($0.text.htmlEscaped)</a></li>" }.joined()
            html += "</ul></nav>\n"
        }
        html += header + Self.banners(model, root: root) + body
        html += ProvenanceFooter(generatedAt: model.generatedAt, sources: model.sources,
                                 warningCount: model.warnings.rows.count, root: root).html
        return html + SortScript.element + "\n</body>\n</html>\n"
    }

    /// The alert naming a stale source, its error and the time of its last good data.
    static func banner(_ source: SourceHealth) -> String {
        let error = source.error ?? "no error message was recorded"
        let lastGood = source.lastSuccessAt ?? "never"
        return """
            <div class="banner" role="alert"><strong>Source \(source.name.htmlEscaped) (\(source.kind.htmlEscaped)) \
            is stale: its last run \(source.status.rawValue.htmlEscaped).</strong> Error: \(error.htmlEscaped). \
            Figures show its last good data, from \(lastGood.htmlEscaped).</div>

            """
    }

    /// The banners of every stale source, for the top of a page.
    static func banners(_ model: ReportModel, root: String) -> String {
        model.sources.filter(\.isStale).map(banner).joined() + capBanner(model, root: root)
    }

    /// How many senders the cap banner names: it is on every page, so naming them all made the pages grow with the
    /// number of senders times the number of pages (880 MB of HTML at the bench's full size); the rest are counted.
    static let bannerNames = 5

    /// `names` as a banner lists them: the first `bannerNames`, then how many more of `total` there are.
    static func listed(_ names: [String], of total: Int) -> String {
        let shown = names.prefix(bannerNames).joined(separator: "; ")
        return total > bannerNames ? shown + "; and \(total - bannerNames) more" : shown
    }

    /// A banner naming the senders over a weekly cap in the last complete week, when there are any.
    static func capBanner(_ model: ReportModel, root: String) -> String {
        let over = model.overCapLastWeek
        guard !over.rows.isEmpty else { return "" }
        let names = over.rows.indices.prefix(bannerNames).map { row in
            let name = over.value("sender_name", row: row).plainText
            return "\(name.isEmpty ? over.value("sender_id", row: row).plainText : name) (\(over.value("source", row: row).plainText): "
                + "\(over.value("invitations_sent", row: row).plainText) invitations of \(over.value("invitation_cap", row: row).plainText), "
                + "\(over.value("messages_sent", row: row).plainText) messages of \(over.value("message_cap", row: row).plainText))"
        }
        return """
            <div class="banner" role="alert"><strong>\(over.rows.count) sender\(over.rows.count == 1 ? "" : "s") over a \
            weekly cap in \(model.lastCompleteWeek.htmlEscaped)</strong>: \(listed(names, of: over.rows.count).htmlEscaped). \
            LinkedIn restricts accounts that send much more than this; see \
            <a href="\(root.htmlEscaped)index.html#report_sender_weekly_load">the weekly load</a>.</div>

            """
    }
}
