/// One row of report_quality_warnings: a reconciliation or rule check that failed for a campaign or a sender.
struct QualityWarning: Equatable {
    let source: String
    /// `campaign` or `sender`.
    let scope: String
    let subjectID: String
    let subjectName: String
    let check: String
    let detail: String

    /// Every warning of the view, in its order.
    static func all(in table: ReportTable) -> [QualityWarning] {
        table.rows.indices.map { row in
            QualityWarning(
                source: table.value("source", row: row).plainText, scope: table.value("scope", row: row).plainText,
                subjectID: table.value("subject_id", row: row).plainText,
                subjectName: table.value("subject_name", row: row).plainText,
                check: table.value("check_name", row: row).plainText, detail: table.value("detail", row: row).plainText)
        }
    }

    /// `check: detail`.
    var summary: String { "\(check): \(detail)" }

    /// The marker put beside a figure that has warnings: an icon whose title and label give every check and detail.
    static func marker(_ warnings: [QualityWarning]) -> String {
        guard !warnings.isEmpty else { return "" }
        let count = warnings.count == 1 ? "1 data-quality warning" : "\(warnings.count) data-quality warnings"
        let text = "\(count): " + warnings.map(\.summary).joined(separator: "; ")
        return " <span class=\"warn\" role=\"img\" title=\"\(text.htmlEscaped)\" aria-label=\"\(text.htmlEscaped)\">⚠</span>"
    }

    /// A section listing the warnings about one page's subject, or nothing when there are none.
    static func list(_ warnings: [QualityWarning]) -> String {
        guard !warnings.isEmpty else {
            return "<section id=\"warnings\"><h2>Data-quality warnings</h2><p class=\"empty\">No warnings</p></section>\n"
        }
        let items = warnings.map {
            "<li><span class=\"warn\">⚠</span> <strong>\($0.check.htmlEscaped)</strong>: \($0.detail.htmlEscaped)</li>"
        }
        return "<section id=\"warnings\" class=\"warnings\"><h2>Data-quality warnings</h2><ul>\(items.joined())</ul></section>\n"
    }
}
