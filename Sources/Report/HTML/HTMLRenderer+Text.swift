extension HTMLRenderer {
    /// The page's only styles, inline so the file works offline.
    static let style = """
        body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#1f2937}
        h1{margin:0}h2{margin-top:2rem}h2 code{font-size:.7em;color:#6b7280;font-weight:normal}
        .banner{background:#fef2f2;border:1px solid #dc2626;border-radius:6px;padding:.75rem;margin:.5rem 0}
        .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
        .card{border:1px solid #d1d5db;border-radius:8px;padding:.75rem 1rem;min-width:10rem}
        .card .label{color:#6b7280;font-size:.85rem}.card .value{font-size:1.6rem;font-weight:600}
        .card .caption{color:#6b7280;font-size:.75rem;max-width:15rem}.empty{color:#6b7280;font-style:italic}
        .chart{width:100%;max-width:640px;height:auto;display:block;margin:1rem 0}
        .chart .axis line{stroke:#9ca3af}.chart text{font-size:11px;fill:#374151}
        .chart text.in{fill:#fff}.chart text.total{font-weight:600}.chart .bar rect{stroke:#fff;stroke-width:1}
        .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem}
        th,td{border:1px solid #e5e7eb;padding:.25rem .5rem;text-align:left;vertical-align:top;white-space:pre-wrap}
        th{background:#f3f4f6}.num{text-align:right;font-variant-numeric:tabular-nums}
        nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
        """

    /// How every figure is computed (spec/metrics.md), shown in the report itself.
    static let method = """
        <section id="method"><h2>How figures are computed</h2><ul>
        <li><strong>Acceptance rate</strong> = requests accepted / requests sent.</li>
        <li><strong>Response rate</strong> = messages replied / messages sent.</li>
        <li>A rate is empty (n/a) when its denominator is 0 or unknown; counts a vendor does not give are empty, never 0.</li>
        <li><strong>Time to reply</strong> = time from a conversation&#39;s first outbound message to the first inbound \
        message after it, over the conversations that got a reply. It is shown as the median (half of the replies came \
        faster; the middle two averaged when their number is even) and the 90th percentile (nearest rank: 9 in 10 \
        replies came at least this fast), never as a mean, so a few very late replies do not distort it. Durations \
        are rounded to whole minutes, and from one day on to whole hours.</li>
        <li><strong>WeConnect</strong>: acceptance is empty, because WeConnect does not know whether an invitation \
        was accepted. Requests sent count <code>connect</code> actions that completed successfully. Messages sent and \
        replied count conversations: a thread with an outbound message is one message sent, and it is replied when an \
        inbound message follows its first outbound one. Request outcomes count each followed action once, under its \
        latest status.</li>
        <li>Daily figures are events of that day: accepts that happened on a day over requests sent that day.</li>
        <li>Rates are recomputed from the counts; where a vendor's own rate differs by more than 0.1 percentage points, \
        or a count breaks a rule, it is listed under data-quality warnings. Days are UTC days.</li>
        </ul></section>

        """
}
