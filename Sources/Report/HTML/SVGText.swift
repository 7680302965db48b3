import Foundation

/// The small pieces of SVG markup the report's bar charts share; every text is escaped here.
enum SVGText {
    /// A `<text>` element at `x`, `y`; `cssClass` styles it (`in` draws it white, inside a bar).
    static func text(_ content: String, x: Double, y: Double, anchor: String, cssClass: String? = nil) -> String {
        let cls = cssClass.map { " class=\"\($0)\"" } ?? ""
        return "<text\(cls) x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">\(content.htmlEscaped)</text>"
    }

    /// A filled `<rect>` whose `<title>` names what it shows.
    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String) -> String {
        """
        <rect x="\(n(x))" y="\(n(y))" width="\(n(width))" height="\(n(height))" fill="\(fill)">\
        <title>\(title.htmlEscaped)</title></rect>
        """
    }

    /// The opening `<svg>` tag and its `<title>`, labelled `label` for assistive technology.
    static func open(width: Double, height: Double, label: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 \(width) \(height)" \
        aria-label="\(label.htmlEscaped)"><title>\(label.htmlEscaped)</title>
        """
    }

    /// A count as plain text: `13`, or `2.5` when it is not whole.
    static func count(_ value: Double) -> String {
        CellValue.real(value).plainText
    }

    /// A count with its noun, singular for exactly one: `1 request`, `13 requests`.
    static func counted(_ value: Double, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// `text` cut to `limit` characters, the last one an ellipsis, so a long vendor string cannot overrun a chart.
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String {
        FixedDecimal.text(value, decimals: 1)
    }
}
