/// The reply analysis of the index (every sender) or of one sender's page: the reply classes per sender, the
/// follow-up steps and the send times, each drawn and tabled, with one sentence on how each rate is defined.
struct ReplyAnalysis {
    /// Rows of report_reply_quality.
    let quality: ReportTable
    /// step, conversations_reaching_step, genuine_replies_after_step, reply_rate (one sender's, or the totals).
    let steps: ReportTable
    /// weekday, hour, conversations_started, genuine_replies.
    let sendTimes: ReportTable

    static let definitions = [
        "The genuine response rate is the conversations whose first reply that is not an automatic answer (an "
            + "out-of-office, a leave or left-the-company notice) came after the first message sent, over every conversation.",
        "The positive reply rate is the conversations whose genuine reply shows interest (a yes, a call, a question "
            + "for details), over every conversation.",
        "The response rate above counts any reply, automatic answers included, as the contract defines it.",
    ]

    /// The three parts in sections of their own; `name` names a sender (source, sender id), `table` links a
    /// table's names to their pages.
    func html(name: (String, String) -> String, table: (ReportTable) -> HTMLTable) -> String {
        var html = "<section id=\"reply-classes\"><h2>Reply classes</h2>"
        if quality.rows.isEmpty {
            return html + "<p class=\"empty\">No conversations with message texts yet</p></section>\n"
        }
        html += "<p>" + Self.definitions.map(\.htmlEscaped).joined(separator: " ") + "</p>\n"
        let shown = IndexSelection.of(quality.name).rows(of: quality)
        if shown.rows.count < quality.rows.count {
            html += "<p class=\"rows\">The \(shown.rows.count) senders with the most conversations, of "
                + "\(IndexSelection.grouped(quality.rows.count)).</p>\n"
        }
        html += ReplyClassChart(title: "Conversations by what their replies were", quality: shown) { row in
            name(shown.value("source", row: row).plainText, shown.value("sender_id", row: row).plainText)
        }.svg
        html += "</section>\n"

        html += "<section id=\"follow-up-steps\"><h2>Follow-up steps</h2>"
        if steps.rows.isEmpty {
            html += "<p class=\"empty\">No conversations yet</p></section>\n"
        } else {
            html += "<p>Step 1 is a conversation&#39;s first message, step 2 the first follow-up, and so on, counted while "
                + "no genuine reply has come: the reply rate of a step is the genuine replies that came after it and before "
                + "the next step, over the conversations that reached it (the count under each column).</p>\n"
            html += StepRateChart(title: "Genuine reply rate after each step", table: steps).svg
            html += table(steps).html + "</section>\n"
        }

        html += "<section id=\"send-time\"><h2>When to send</h2>"
        let grid = SendTimeGrid(sendTimes)
        if grid.isEmpty {
            html += "<p class=\"empty\">No conversations yet</p></section>\n"
        } else {
            html += grid.html + "</section>\n"
        }
        return html
    }
}
