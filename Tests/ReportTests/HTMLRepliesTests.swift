import Foundation
import Testing
@testable import Report

/// The reply analysis in the HTML: the genuine and positive cards, the reply classes per sender, the follow-up step
/// chart and the weekday x hour grid, on the index and on each sender's page.
@Suite struct HTMLRepliesTests {
    private func element(_ id: String, in document: XMLTree) throws -> XMLTree.Element {
        try #require(document.all.first { $0.attributes["id"] == id }, "no element \(id)")
    }

    @Test func theIndexShowsTheReplyClassesStepsAndSendTimes() throws {
        let site = try RenderedSite(ReportFixture.model())
        let index = try site.document("index.html")
        // Each rate says in one sentence how it is defined.
        let cards = try element("kpis", in: index).children
        let genuine = try #require(cards.first { $0.descendants.contains { $0.attributes["class"] == "label" && $0.text == "Genuine response rate" } })
        #expect(genuine.descendants.contains { $0.attributes["class"] == "value" && $0.text == "37.5%" })
        #expect(genuine.descendants.contains { $0.attributes["class"] == "caption" && $0.text.contains("not an automatic answer") })

        let classes = try element("reply-classes", in: index)
        let chart = try #require(classes.all(named: "svg").first)
        let label = chart.attributes["aria-label"] ?? ""
        #expect(label.contains("8 conversations"), "\(label)")
        #expect(label.contains("positive 1") && label.contains("auto-reply only 1") && label.contains("no reply 4"), "\(label)")

        let steps = try element("follow-up-steps", in: index)
        let stepChart = try #require(steps.all(named: "svg").first)
        #expect(stepChart.attributes["aria-label"]?.contains("step 2: 25.0% (1 genuine replies of 4 conversations reaching it)") == true)
        #expect(steps.all(named: "table").count == 1)

        let grid = try #require(try element("send-time", in: index).all(named: "table").first)
        let rows = grid.all(named: "tbody").first?.children ?? []
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.children.filter { $0.name == "td" }.count == 24 })
        let monday = rows[0].children.filter { $0.name == "td" }
        #expect(monday[9].text == "40")
        #expect(monday[9].attributes["title"] == "Mon 09:00: 5 conversations started, 2 genuine replies (40.0%)")
        #expect(monday[10].attributes["class"] == "none")
        #expect(grid.descendants.contains { $0.name == "caption" })
        #expect(try element("send-time", in: index).descendants.contains { $0.attributes["class"] == "legend" })

        // The contract views have their sections too.
        for view in ["report_replies", "report_reply_quality", "report_follow_up_steps", "report_send_time"] {
            _ = try element(view, in: index)
        }
    }

    @Test func aSenderPageShowsItsOwnReplies() throws {
        let site = try RenderedSite(ReportFixture.model())
        let page = try site.document(PageName.sender(source: "acme", id: "s1"))
        let values = page.all.filter { $0.attributes["class"] == "value" }.map(\.text)
        #expect(values.suffix(2) == ["37.5%", "12.5%"])
        let steps = try element("follow-up-steps", in: page)
        #expect(steps.all(named: "svg").first?.attributes["aria-label"]?.contains("step 3: 0.0%") == true)
        let grid = try #require(try element("send-time", in: page).all(named: "table").first)
        let wednesday = grid.all(named: "tbody").first?.children[2].children.filter { $0.name == "td" } ?? []
        #expect(wednesday[14].attributes["title"] == "Wed 14:00: 3 conversations started, 1 genuine replies (33.3%)")
        // A sender without conversations says so.
        let other = try site.document(PageName.sender(source: "beta", id: "s5"))
        #expect(try element("reply-classes", in: other).descendants.contains { $0.attributes["class"] == "empty" })
    }
}
