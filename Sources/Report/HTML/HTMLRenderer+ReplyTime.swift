extension HTMLRenderer {
    /// The time to reply: the distribution as a column chart, then each sender's median and 90th percentile.
    func replyTimes(_ site: ReportSite) -> String {
        let model = site.model
        let buckets = model.replyDistribution
        let counts = buckets.rows.indices.map { max(buckets.value("threads", row: $0).number ?? 0, 0) }
        let times = model.replyTimes
        var html = "<section id=\"reply-time\"><h2>Time to reply</h2>"
        guard counts.contains(where: { $0 > 0 }) || !times.rows.isEmpty else {
            return html + "<p class=\"empty\">No replies yet</p></section>\n"
        }
        html += "<p>Time from a conversation's first message sent to the first reply after it.</p>\n"
        if counts.contains(where: { $0 > 0 }) {
            let chart = ColumnChart(
                title: "Replied conversations by time to the first reply", unit: "thread",
                labels: buckets.rows.indices.map { buckets.value("bucket", row: $0).plainText }, counts: counts)
            html += chart.svg + "\n"
        }
        if !times.rows.isEmpty {
            let shown = IndexSelection.of(times.name).rows(of: times)
            if shown.rows.count < times.rows.count {
                html += "<p class=\"rows\">\(IndexSelection.of(times.name).caption(shown: shown.rows.count, total: times.rows.count).htmlEscaped)"
                    + " Each sender&#39;s page gives its own.</p>\n"
            }
            html += replyTable(shown, names: senderNames(site.senderSummary))
        }
        return html + "</section>\n"
    }

    /// One row per sender: source, sender id and name, replied threads, median and 90th percentile as durations.
    private func replyTable(_ times: ReportTable, names: [String: String]) -> String {
        var html = """
            <div class="scroll"><table><thead><tr><th scope="col">Source</th><th scope="col">Sender</th>\
            <th scope="col">Sender name</th><th scope="col" class="num">Replied threads</th>\
            <th scope="col" class="num">Median</th><th scope="col" class="num">90th percentile</th></tr></thead><tbody>

            """
        for row in times.rows.indices {
            let source = times.value("source", row: row).plainText
            let sender = times.value("sender_id", row: row).plainText
            let cells = [
                (source, ""), (sender, ""), (names[ReportSite.key(source, sender)] ?? "", ""),
                (times.value("replied_threads", row: row).plainText, " class=\"num\""),
                (duration(times.value("median_minutes", row: row)), " class=\"num\""),
                (duration(times.value("p90_minutes", row: row)), " class=\"num\""),
            ]
            html += "<tr>" + cells.map { "<td\($1)>\($0.htmlEscaped)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>"
    }

    /// Minutes as a duration such as `3 h 20 min`, or n/a when unknown.
    private func duration(_ value: CellValue) -> String {
        value == .null ? "n/a" : value.displayText(kind: .minutes)
    }

    /// Sender names from report_sender_summary, by source and sender id.
    private func senderNames(_ senders: ReportTable) -> [String: String] {
        var names: [String: String] = [:]
        for row in senders.rows.indices {
            let key = ReportSite.key(senders.value("source", row: row).plainText, senders.value("sender_id", row: row).plainText)
            names[key] = senders.value("sender_name", row: row).plainText
        }
        return names
    }
}
