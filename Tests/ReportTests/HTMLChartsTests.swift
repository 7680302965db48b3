import Foundation
import Testing
@testable import Report

@Suite struct HTMLChartsTests {
    private func document(_ model: ReportModel = ReportFixture.model()) throws -> XMLTree {
        try XMLTree(try HTMLRenderer().render(model))
    }

    private func section(_ id: String, in document: XMLTree) throws -> XMLTree.Element {
        try #require(document.all.first { $0.attributes["id"] == id && $0.name == "section" }, "no section \(id)")
    }

    private func children(_ element: XMLTree.Element, named name: String) -> [XMLTree.Element] {
        element.children.filter { $0.name == name }
    }

    private func bars(in chart: XMLTree.Element) -> [XMLTree.Element] {
        chart.all(named: "g").filter { $0.attributes["class"] == "bar" }
    }

    private func width(_ rect: XMLTree.Element) -> Double {
        Double(rect.attributes["width"] ?? "") ?? .nan
    }

    // MARK: KPI cards

    @Test func replyTimeCardsShowDurationsAndSayWhatTheyMean() throws {
        let cards = try document().visible.filter { $0.attributes["class"] == "card" }
        func card(_ label: String) throws -> (value: String, caption: String) {
            let card = try #require(cards.first { $0.children.first?.text == label }, "no card \(label)")
            let value = try #require(card.children.first { $0.attributes["class"] == "value" }).text
            let caption = try #require(card.children.first { $0.attributes["class"] == "caption" }).text
            return (value, caption)
        }
        let median = try card("Median time to reply")
        #expect(median.value == "3 h 20 min")
        #expect(median.caption.contains("Half of the replied conversations"))
        #expect(median.caption.contains("first reply"))
        let p90 = try card("90th percentile time to reply")
        #expect(p90.value == "2 d 4 h")
        #expect(p90.caption.contains("9 in 10 replied conversations"))
    }

    @Test func unknownReplyTimesReadNotAvailable() throws {
        var kpis = try #require(ReportFixture.rows(of: "report_kpis").first)
        kpis[6] = .null
        kpis[7] = .null
        let values = try document(ReportFixture.model(replacing: ["report_kpis": [kpis]]))
            .visible.filter { $0.attributes["class"] == "value" }.map(\.text)
        #expect(values[6..<8] == ["n/a", "n/a"])
    }

    // MARK: Request outcomes

    @Test func outcomesChartHasOneStackedBarPerActionType() throws {
        let section = try section("outcomes", in: document())
        #expect(section.children.first?.text == "Request outcomes")
        let chart = try #require(section.all(named: "svg").first)
        let bars = bars(in: chart)
        #expect(bars.map { $0.children.first?.text } == [
            "connect: 13 requests", "message: 8 requests", "visit: 7 requests", "follow: 1 request",
        ])
        let totals = bars.map { $0.all(named: "text").filter { $0.attributes["class"] == "total" }.map(\.text) }
        #expect(totals == [["13"], ["8"], ["7"], ["1"]])
        let segments = bars.map { bar in children(bar, named: "rect").map { $0.children.first?.text ?? "" } }
        #expect(segments == [
            ["connect, Completed_Success: 4", "connect, accepted: 5", "connect, pending: 3", "connect, Completed_Failed: 1"],
            ["message, Completed_Success: 6", "message, \(ReportFixture.hostileStatus): 2"],
            ["visit, Completed_Success: 7"],
            ["follow, Skipped: 1"],
        ])
        // Widths follow the counts: the longest bar (13) spans the plot, the others in proportion.
        let widths = bars.map { children($0, named: "rect").map(width) }
        let full = widths[0].reduce(0, +)
        #expect(abs(widths[0][1] / full - 5.0 / 13) < 0.001)
        #expect(abs(widths[2].reduce(0, +) / full - 7.0 / 13) < 0.001)
        #expect(abs(widths[3].reduce(0, +) / full - 1.0 / 13) < 0.001)
        // Counts are written inside segments wide enough for them.
        let inside = bars[0].all(named: "text").filter { $0.attributes["class"] == "in" }.map(\.text)
        #expect(inside == ["4", "5", "3", "1"])
    }

    @Test func outcomeColoursFollowTheStatus() throws {
        let chart = try #require(try section("outcomes", in: document()).all(named: "svg").first)
        var fills: [String: String] = [:]
        for rect in chart.all(named: "rect") {
            guard let title = rect.children.first?.text, let status = title.split(separator: ", ", maxSplits: 1).last
            else { continue }
            fills[String(status.split(separator: ":").dropLast().joined(separator: ":"))] = rect.attributes["fill"]
        }
        #expect(StatusCategory.success.palette.contains(fills["Completed_Success"] ?? ""))
        #expect(StatusCategory.success.palette.contains(fills["accepted"] ?? ""))
        #expect(fills["Completed_Failed"] == "#dc2626")
        #expect(StatusCategory.pending.palette.contains(fills["pending"] ?? ""))
        #expect(StatusCategory.pending.palette.contains(fills[ReportFixture.hostileStatus] ?? ""))
        #expect(fills["Skipped"] == "#2563eb")
        #expect(Set(fills.values).count == fills.count, "two statuses share a colour")
        let legend = try #require(chart.all(named: "g").first { $0.attributes["class"] == "legend" })
        #expect(legend.all(named: "text").map(\.text)
            == ["Completed_Success", "accepted", ReportFixture.hostileStatus, "pending", "Skipped", "Completed_Failed"])
        #expect(legend.all(named: "rect").map { $0.attributes["fill"] ?? "" }
            == ["Completed_Success", "accepted", ReportFixture.hostileStatus, "pending", "Skipped", "Completed_Failed"]
                .map { fills[$0] ?? "" })
    }

    @Test func outcomesChartHasATextAlternativeWithEveryFigure() throws {
        let chart = try #require(try section("outcomes", in: document()).all(named: "svg").first)
        let title = try #require(chart.children.first { $0.name == "title" }).text
        #expect(chart.attributes["role"] == "img")
        #expect(chart.attributes["aria-label"] == title)
        #expect(title.contains("connect 13 (Completed_Success 4, accepted 5, pending 3, Completed_Failed 1)"))
        #expect(title.contains("message 8 (Completed_Success 6, \(ReportFixture.hostileStatus) 2)"))
        #expect(title.contains("follow 1 (Skipped 1)"))
    }

    @Test func hostileStatusIsEscapedWherePrinted() throws {
        let html = try HTMLRenderer().render(ReportFixture.model())
        #expect(!html.contains(ReportFixture.hostileStatus))
        #expect(html.contains("&lt;b&gt;Pending&lt;/b&gt;"))
        let document = try XMLTree(html)
        #expect(document.elements(named: "b").isEmpty)
        let table = try section("report_request_outcomes", in: document)
        #expect(table.all(named: "td").map(\.text).contains(ReportFixture.hostileStatus))
    }

    @Test(arguments: [[], [[CellValue.text("acme"), .text("s1"), .text("connect"), .text("Pending"), .integer(0)]]])
    func noFollowedRequestsSaysSo(rows: [[CellValue]]) throws {
        let document = try document(ReportFixture.model(replacing: ["report_request_outcomes": rows]))
        let section = try section("outcomes", in: document)
        #expect(section.text.contains("No followed requests yet"))
        #expect(section.all(named: "svg").isEmpty)
        #expect(try self.section("report_request_outcomes", in: document).all(named: "tbody").count == 1)
    }

    @Test func longAndManyStatusesStayWellFormed() throws {
        let rows = (0..<12).map { index -> [CellValue] in
            [.text("beta"), .text("s\(index)"), .text(index < 6 ? "a-very-long-action-type-name" : "like"),
             .text("Status \(index) & <more> \(String(repeating: "x", count: 40))"), .integer(Int64(index + 1))]
        }
        let chart = try #require(try section("outcomes", in: document(ReportFixture.model(
            replacing: ["report_request_outcomes": rows]))).all(named: "svg").first)
        #expect(bars(in: chart).count == 2)
        let legend = try #require(chart.all(named: "g").first { $0.attributes["class"] == "legend" })
        let xs = legend.all(named: "rect").compactMap { Double($0.attributes["x"] ?? "") }
        #expect(xs.count == 12 && xs.allSatisfy { $0 >= 0 && $0 < 640 })
        #expect(Set(legend.all(named: "rect").compactMap { $0.attributes["y"] }).count > 1, "the legend wraps")
    }

    @Test(arguments: [
        ("Completed_Success", StatusCategory.success), ("accepted", .success), ("Completed_Failed", .failed),
        ("Pending", .pending), ("<b>Pending</b>", .pending), ("error", .failed), ("Skipped", .other), ("", .other),
        ("connected", .success), ("notConnected", .failed),
    ])
    func statusCategories(status: String, category: StatusCategory) {
        #expect(StatusCategory(status: status) == category)
    }

    // MARK: Time to reply

    @Test func distributionChartHasABarPerBucket() throws {
        let section = try section("reply-time", in: document())
        #expect(section.children.first?.text == "Time to reply")
        let chart = try #require(section.all(named: "svg").first)
        let bars = bars(in: chart)
        #expect(bars.map { $0.children.first?.text } == [
            "under 1 hour: 2 threads", "1-4 hours: 3 threads", "4-24 hours: 0 threads",
            "1-3 days: 1 thread", "3-7 days: 0 threads", "over 7 days: 0 threads",
        ])
        let counts = bars.map { $0.all(named: "text").filter { $0.attributes["class"] == "total" }.map(\.text) }
        #expect(counts == [["2"], ["3"], ["0"], ["1"], ["0"], ["0"]])
        let heights = bars.map { Double(children($0, named: "rect").first?.attributes["height"] ?? "") ?? .nan }
        #expect(heights[2] == 0)
        #expect(abs(heights[0] / heights[1] - 2.0 / 3) < 0.001)
        let title = try #require(chart.children.first { $0.name == "title" }).text
        #expect(chart.attributes["aria-label"] == title)
        #expect(title.contains("under 1 hour 2, 1-4 hours 3, 4-24 hours 0, 1-3 days 1, 3-7 days 0, over 7 days 0"))
    }

    @Test func replyTimeTableFormatsDurations() throws {
        let section = try section("reply-time", in: document())
        let headers = section.all(named: "th").map(\.text)
        #expect(headers == ["Source", "Sender", "Sender name", "Replied threads", "Median", "90th percentile"])
        let rows = section.all(named: "tr").dropFirst().map { $0.all(named: "td").map(\.text) }
        #expect(rows == [
            ["acme", "s1", ReportFixture.formulaName, "3", "45 min", "3 h 20 min"],
            ["acme", "s4", "line one\nline two", "1", "2 d 4 h", "2 d 4 h"],
            ["beta", "s5", "<script>alert(1)</script>", "2", "1 h", "1 h 30 min"],
        ])
    }

    @Test func unknownSenderTimesReadNotAvailable() throws {
        let model = ReportFixture.model(replacing: [
            "report_reply_time": [[.text("gamma"), .text("s9"), .integer(1), .null, .null]],
        ])
        let rows = try section("reply-time", in: document(model)).all(named: "tr").dropFirst()
            .map { $0.all(named: "td").map(\.text) }
        #expect(rows == [["gamma", "s9", "", "1", "n/a", "n/a"]])
    }

    @Test(arguments: [[], ReportFixture.rows(of: "report_reply_time_distribution").map { [$0[0], .integer(0)] }])
    func noRepliesSaysSo(distribution: [[CellValue]]) throws {
        let model = ReportFixture.model(replacing: [
            "report_reply_time": [], "report_reply_time_distribution": distribution,
        ])
        let section = try section("reply-time", in: document(model))
        #expect(section.text.contains("No replies yet"))
        #expect(section.all(named: "svg").isEmpty)
        #expect(section.all(named: "table").isEmpty)
    }

    // MARK: Method

    @Test func methodExplainsTimeToReplyAndWeConnect() throws {
        let method = try section("method", in: document()).text
        #expect(method.contains("Time to reply = time from a conversation's first outbound message to the first inbound message after it"))
        #expect(method.contains("median"))
        #expect(method.contains("90th percentile"))
        #expect(method.contains("never as a mean"))
        #expect(method.contains("WeConnect: acceptance is empty, because WeConnect does not know"))
        #expect(method.contains("Requests sent count connect actions that completed successfully"))
        #expect(method.contains("Messages sent and replied count conversations"))
        #expect(method.contains("replied when an inbound message follows its first outbound one"))
    }

    @Test func chartsDrawNoNaNOrInfinity() throws {
        for model in [ReportFixture.model(), ReportFixture.model(replacing: [
            "report_reply_time_distribution": [[.text("under 1 hour"), .integer(1)]],
            "report_request_outcomes": [[.text("a"), .text("s"), .text("like"), .text("Completed_Success"), .real(0.5)]],
        ])] {
            let html = try HTMLRenderer().render(model)
            _ = try XMLTree(html)
            // Only the charts' own markup: the page around them says "provenance" and its script "isNaN".
            let svg = html.components(separatedBy: "<svg").dropFirst()
                .compactMap { $0.components(separatedBy: "</svg>").first }.joined()
            #expect(svg.range(of: "nan", options: .caseInsensitive) == nil)
            #expect(svg.range(of: "\"inf", options: .caseInsensitive) == nil)
        }
    }
}
