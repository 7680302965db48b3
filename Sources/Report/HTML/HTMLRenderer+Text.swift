extension HTMLRenderer {
    /// The page's only styles, inline so the file works offline.
    static let style = """
        :root{color-scheme:light dark;--fg:#1f2937;--muted:#6b7280;--bg:#fff;--line:#e5e7eb;--head:#f3f4f6;\
        --card:#d1d5db;--link:#1d4ed8;--up:#15803d;--down:#b91c1c;--warn:#b45309;--alert:#fef2f2}
        @media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--bg:#111827;--line:#374151;\
        --head:#1f2937;--card:#4b5563;--link:#93c5fd;--up:#4ade80;--down:#f87171;--warn:#fbbf24;--alert:#450a0a}}
        body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:var(--fg);background:var(--bg)}
        a{color:var(--link)}h1{margin:0}h2{margin-top:2rem}h3.chart-title{font-size:.95rem;margin:1rem 0 0}h2 code{font-size:.7em;color:var(--muted);font-weight:normal}
        .presets a{margin-right:.75rem}.presets a[aria-current]{font-weight:700;text-decoration:none}
        .banner{background:var(--alert);border:1px solid #dc2626;border-radius:6px;padding:.75rem;margin:.5rem 0}
        .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
        .card{border:1px solid var(--card);border-radius:8px;padding:.75rem 1rem;min-width:10rem;flex:0 1 auto}
        .card .label{color:var(--muted);font-size:.85rem}.card .value{font-size:1.6rem;font-weight:600}
        .card .caption{color:var(--muted);font-size:.75rem;max-width:15rem}.empty{color:var(--muted);font-style:italic}
        .delta{font-size:.8rem;font-weight:600}.delta.up{color:var(--up)}.delta.down{color:var(--down)}
        .delta.flat,.delta.unknown{color:var(--muted);font-weight:normal}
        .warn{color:var(--warn);cursor:help;font-weight:600}.warnings li{margin:.25rem 0}tr.warned td{background:rgba(245,158,11,.12)}
        .chart{width:100%;max-width:640px;height:auto;display:block;margin:1rem 0}
        .chart .axis line{stroke:var(--muted)}.chart .axis line.grid{stroke:var(--line)}
        .chart text{font-size:11px;fill:var(--fg)}.chart text.heading{font-size:13px;font-weight:600}
        .chart text.in{fill:#fff}.chart text.total{font-weight:600}.chart .bar rect{stroke:var(--bg);stroke-width:1}
        .scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;font-size:.85rem}
        th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top;white-space:pre-wrap}
        th{background:var(--head)}.num{text-align:right;font-variant-numeric:tabular-nums}
        table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}
        th[aria-sort=descending]::after{content:" \\25BC"}
        table.heat td{width:1.6rem;text-align:center;font-size:.7rem;padding:.15rem;color:#111827;white-space:nowrap}
        table.heat td.none{background:transparent}table.heat caption{text-align:left;color:var(--muted);font-size:.8rem}
        .swatch{display:inline-block;padding:0 .4rem;border:1px solid var(--line);color:#111827}
        nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}.meta{color:var(--muted);overflow-wrap:anywhere}
        footer{margin-top:2rem;border-top:1px solid var(--line);font-size:.85rem}.stale{color:var(--down)}
        @media (max-width:640px){body{padding:.5rem}.card{min-width:7rem;flex:1 1 7rem;padding:.5rem}\
        .card .value{font-size:1.25rem}h1{font-size:1.4rem}}
        @media print{nav,.crumbs{display:none}body{color:#000;background:#fff;max-width:none;padding:0}\
        a{color:#000;text-decoration:none}.scroll{overflow:visible}table{font-size:7.5pt;width:100%}\
        th,td{white-space:normal;overflow-wrap:anywhere;border-color:#999}th{background:#fff}\
        thead{display:table-header-group}tr,.card,.chart,.banner{break-inside:avoid;page-break-inside:avoid}\
        .chart{background:#fff}.chart text,.chart text.in{fill:#000}.chart .axis line{stroke:#000}\
        .chart .bar rect{stroke:#000}.banner{background:#fff;border:2px solid #000}\
        .card,.delta,.delta.up,.delta.down,.warn,.empty,.meta{color:#000;border-color:#000}}
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
