import Foundation

/// Renders the report model as one self-contained, offline, XHTML-compatible `index.html`.
struct HTMLRenderer {
    /// Headings for the contract views; the view name is shown beside them.
    private static let viewTitles = [
        "report_sender_summary": "Senders",
        "report_campaign_summary": "Campaigns",
        "report_daily_activity": "Daily activity",
        "report_request_outcomes": "Request outcomes",
        "report_threads": "Threads",
    ]
    /// KPI cards: label, the report_kpis column they show, and a caption saying what the figure is, if any.
    private static let kpiCards: [(label: String, column: String, caption: String?)] = [
        ("Requests sent", "requests_sent", nil), ("Requests accepted", "requests_accepted", nil),
        ("Acceptance rate", "acceptance_rate", nil), ("Messages sent", "messages_sent", nil),
        ("Messages replied", "messages_replied", nil), ("Response rate", "response_rate", nil),
        ("Median time to reply", "median_reply_minutes",
         "Half of the replied conversations got their first reply within this time of the first message sent."),
        ("90th percentile time to reply", "p90_reply_minutes",
         "9 in 10 replied conversations got their first reply within this time of the first message sent."),
    ]

    func render(_ model: ReportModel) -> String {
        let generated = ISO8601DateFormatter().string(from: model.generatedAt)
        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Outreach report</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header><h1>Outreach report</h1><p>Generated <time datetime="\(generated)">\(generated)</time></p></header>

            """
        html += model.sources.filter(\.isStale).map(banner).joined()
        html += kpis(model.kpis)
        html += trends(model.dailyTrend)
        html += outcomes(model.views.first { $0.name == "report_request_outcomes" })
        html += replyTimes(model)
        html += Self.method
        if !model.warnings.rows.isEmpty {
            html += section(id: "report_quality_warnings", title: "Data-quality warnings", table: model.warnings)
        }
        html += "<nav><ul>"
        for view in model.views {
            html += "<li><a href=\"#\(view.name.htmlEscaped)\">\(title(of: view).htmlEscaped)</a></li>"
        }
        html += "</ul></nav>\n"
        for view in model.views {
            html += section(id: view.name, title: title(of: view), table: view)
        }
        return html + "</body>\n</html>\n"
    }

    private func title(of table: ReportTable) -> String {
        Self.viewTitles[table.name] ?? table.name
    }

    private func banner(_ source: SourceHealth) -> String {
        let error = source.error ?? "no error message was recorded"
        let lastGood = source.lastSuccessAt ?? "never"
        return """
            <div class="banner" role="alert"><strong>Source \(source.name.htmlEscaped) (\(source.kind.htmlEscaped)) \
            is stale: its last run \(source.status.htmlEscaped).</strong> Error: \(error.htmlEscaped). \
            Figures show its last good data, from \(lastGood.htmlEscaped).</div>

            """
    }

    /// A card per KPI: counts, rates as percentages, times to reply as durations; n/a when unknown.
    private func kpis(_ kpis: ReportTable) -> String {
        var html = "<section id=\"kpis\" class=\"cards\">"
        for (label, column, caption) in Self.kpiCards {
            let value = kpis.value(column, row: 0)
            let text = value == .null ? "n/a" : value.displayText(kind: ColumnKind(columnName: column))
            html += "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\">\(text.htmlEscaped)</div>"
            if let caption {
                html += "<div class=\"caption\">\(caption.htmlEscaped)</div>"
            }
            html += "</div>"
        }
        return html + "</section>\n"
    }

    private func trends(_ trend: ReportTable) -> String {
        let dates = trend.rows.indices.map { trend.value("date", row: $0).plainText }
        func series(_ label: String, _ column: String, _ color: String) -> TrendChart.Series {
            .init(label: label, color: color, values: trend.rows.indices.map { trend.value(column, row: $0).number })
        }
        let requests = TrendChart(title: "Connection requests sent and accepted per day", dates: dates, series: [
            series("Requests sent", "requests_sent", "#2563eb"),
            series("Requests accepted", "requests_accepted", "#16a34a"),
        ])
        let messages = TrendChart(title: "Messages sent and replied per day", dates: dates, series: [
            series("Messages sent", "messages_sent", "#9333ea"),
            series("Messages replied", "messages_replied", "#ea580c"),
        ])
        return "<section id=\"trend\"><h2>Daily trend</h2>\(requests.svg)\n\(messages.svg)</section>\n"
    }

    private func section(id: String, title: String, table: ReportTable) -> String {
        """
        <section id="\(id.htmlEscaped)"><h2>\(title.htmlEscaped) <code>\(table.name.htmlEscaped)</code></h2>\
        <p class="rows">\(table.rows.count) rows</p>
        \(self.table(table))</section>

        """
    }

    /// A table of every row: numeric columns right-aligned, rates as percentages, nulls empty.
    private func table(_ table: ReportTable) -> String {
        let classes = table.columns.map { $0.kind.isNumeric ? " class=\"num\"" : "" }
        var html = "<div class=\"scroll\"><table><thead><tr>"
        for (column, cls) in zip(table.columns, classes) {
            html += "<th scope=\"col\"\(cls)>\(column.name.htmlEscaped)</th>"
        }
        html += "</tr></thead><tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for ((value, column), cls) in zip(zip(row, table.columns), classes) {
                html += "<td\(cls)>\(value.displayText(kind: column.kind).htmlEscaped)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>"
    }
}
