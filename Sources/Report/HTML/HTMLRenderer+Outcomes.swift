extension HTMLRenderer {
    /// The request outcomes chart; its rows stay in the report_request_outcomes section.
    func outcomes(_ table: ReportTable?) -> String {
        let chart = OutcomeChart(outcomes: table ?? ReportTable(name: "report_request_outcomes", columns: [], rows: []))
        var html = "<section id=\"outcomes\"><h2>Request outcomes</h2>"
        guard !chart.bars.isEmpty else {
            return html + "<p class=\"empty\">No followed requests yet</p></section>\n"
        }
        html += """
            <p>Each followed request counts once, under its latest status. Every row is in the \
            <a href="#report_request_outcomes">request outcomes table</a>.</p>
            \(chart.svg)</section>

            """
        return html
    }
}
