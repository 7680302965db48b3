import Chronology
import Foundation
import Testing
@testable import Report

/// A report over more rows than a page should hold: the index shows the 100 rows of each long table that matter
/// most with the total and where the rest are; a sender's threads are split into linked pages of 1,000.
@Suite struct HTMLLargeReportTests {
    static let threads = 2_500
    static let days = 400

    /// Thread `index` of sender acme/s1: one an hour from 2024-01-01, every third replied half an hour later, so the
    /// latest activity is the highest index.
    static func thread(_ index: Int) -> [CellValue] {
        let stamp = { (minute: Int) in
            "\(CivilDate(dayNumber: 19_723 + index / 24).iso)T\(String(format: "%02d:%02d", index % 24, minute)):00Z"
        }
        let replied = index % 3 == 0
        return [.text("acme"), .text("s1"), .text(String(format: "t%05d", index)), .text("Prospect \(index)"), .null,
                .text(stamp(0)), replied ? .text(stamp(30)) : .null, .integer(replied ? 1 : 0), .integer(1),
                .integer(replied ? 1 : 0)]
    }

    /// Day `index` of campaign acme/c1 of sender s1, from 2024-01-01.
    static func day(_ index: Int) -> [CellValue] {
        [.text(CivilDate(dayNumber: 19_723 + index).iso), .text("acme"), .text("s1"), .text("c1"),
         .integer(Int64(index % 7)), .integer(Int64(index % 3)), .integer(Int64(index % 5)), .integer(Int64(index % 2))]
    }

    private let model = ReportFixture.model(replacing: [
        "report_threads": (0..<threads).map(thread), "report_daily_activity": (0..<days).map(day),
    ])

    private func section(_ id: String, in document: XMLTree) throws -> XMLTree.Element {
        try #require(document.all.first { $0.attributes["id"] == id && $0.name == "section" }, "no section \(id)")
    }

    private func bodyRows(_ section: XMLTree.Element) -> [[String]] {
        (section.all(named: "tbody").first?.children ?? []).map { $0.children.map(\.text) }
    }

    @Test func theIndexShowsTheLatest100ThreadsAndDaysWithTheTotalsAndWhereTheRestAre() throws {
        let site = try RenderedSite(model)
        let index = try site.document("index.html")
        let threads = try section("report_threads", in: index)
        let rows = bodyRows(threads)
        #expect(rows.count == 100)
        #expect(rows.map { $0[2] } == (2_400..<Self.threads).reversed().map { String(format: "t%05d", $0) })
        #expect(threads.all(named: "p").map(\.text).contains("Showing 100 of 2,500 rows, the latest activity first."))
        let files = try #require(threads.all(named: "p").first { $0.attributes["class"] == "files" })
        #expect(files.text == "Every row is in report_threads.csv and on the sheet report_threads of report.xlsx; "
            + "each sender's page lists its threads, 1,000 to a page.")
        let hrefs = files.all(named: "a").compactMap { $0.attributes["href"] }
        #expect(hrefs == ["report_threads.csv", "report.xlsx"])

        let daily = try section("report_daily_activity", in: index)
        let days = bodyRows(daily)
        #expect(days.count == 100)
        #expect(days.map { $0[0] } == (300..<Self.days).reversed().map { CivilDate(dayNumber: 19_723 + $0).iso })
        #expect(daily.all(named: "p").map(\.text).contains("Showing 100 of 400 rows, the latest days first."))
        // The tables that fit are whole, in the view's order, and say how many rows they have.
        let senders = try section("report_sender_summary", in: index)
        #expect(bodyRows(senders).count == ReportFixture.rows(of: "report_sender_summary").count)
        #expect(senders.all(named: "p").map(\.text).contains("9 rows"))
    }

    @Test func aSendersThreadsAreSplitIntoLinkedPagesOfAThousand() throws {
        let site = try RenderedSite(model)
        let paths = (1...3).map { PageName.sender(source: "acme", id: "s1", page: $0) }
        #expect(paths[0] == PageName.sender(source: "acme", id: "s1"))
        #expect(paths[1] == String(paths[0].dropLast(5)) + "-2.html")
        #expect(site.pages[PageName.sender(source: "acme", id: "s1", page: 4)] == nil)
        var seen: [String] = []
        for (number, path) in paths.enumerated().map({ ($0.offset + 1, $0.element) }) {
            let document = try site.document(path)
            let threads = try section("report_threads", in: document)
            let rows = bodyRows(threads)
            #expect(rows.count == (number < 3 ? 1_000 : 500), "\(path)")
            seen += rows.map { $0[2] }
            let first = (number - 1) * 1_000 + 1
            #expect(threads.all(named: "p").map(\.text)
                .contains("Threads \(IndexSelection.grouped(first))–\(IndexSelection.grouped(first + rows.count - 1)) of 2,500, "
                    + "the latest activity first; page \(number) of 3."), "\(path)")
            let links = try site.links(from: path)
            let previous = threads.all(named: "a").first { $0.attributes["rel"] == "prev" }
            let next = threads.all(named: "a").first { $0.attributes["rel"] == "next" }
            #expect((previous != nil) == (number > 1) && (next != nil) == (number < 3), "\(path)")
            if number > 1 { #expect(links.contains(paths[number - 2]), "\(path) links the page before") }
            if number < 3 { #expect(links.contains(paths[number]), "\(path) links the page after") }
            #expect(links.contains("index.html") && links.contains(paths[0]) || number == 1)
        }
        // Every thread once, the latest first, over the three pages.
        #expect(seen == (0..<Self.threads).reversed().map { String(format: "t%05d", $0) })
        // The sender's own page still has its figures and its trend over every day.
        let own = try site.document(paths[0])
        let trend = try #require(own.all.first { $0.attributes["id"] == "trend" }?.all(named: "svg").first)
        let title = try #require(trend.children.first { $0.name == "title" }).text
        #expect(title.contains("2024-01-01 to \(CivilDate(dayNumber: 19_723 + Self.days - 1).iso)"), "\(title)")
        // A sender with one thread has one page, without page links.
        let other = try section("report_threads", in: site.document(PageName.sender(source: "beta", id: "s5")))
        #expect(other.text.contains("No threads yet"))
    }

    @Test func everyPageIsReachableFromTheIndexAndEveryLinkResolves() throws {
        let site = try RenderedSite(model)
        let dataFiles = Set(ReportModel.fileViews.map { "\($0).csv" } + ["report.xlsx"])
        var reached: Set<String> = ["index.html"], queue = ["index.html"]
        while let path = queue.popLast() {
            for link in try site.links(from: path) where !dataFiles.contains(link) {
                #expect(site.pages[link] != nil, "\(path) links \(link), which is not a page")
                if site.pages[link] != nil, reached.insert(link).inserted { queue.append(link) }
            }
        }
        #expect(reached == Set(site.order))
    }

    @Test func theCSVAndTheWorkbookHoldEveryRow() throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("reports")
            _ = try ReportWriter().write(model, formats: [.csv, .xlsx], to: out)
            let csv = try String(contentsOf: out.appendingPathComponent("report_threads.csv"), encoding: .utf8)
            let records = try CSVReader.records(csv)
            #expect(records.count == Self.threads + 1)
            #expect(records.dropFirst().map { $0[2] } == (0..<Self.threads).map { String(format: "t%05d", $0) })
            let package = try XLSXPackage(url: out.appendingPathComponent("report.xlsx"))
            #expect(try XLSXSheetContents(package, sheet: "report_threads").rowCount == Self.threads + 1)
            #expect(try XLSXSheetContents(package, sheet: "report_daily_activity").rowCount == Self.days + 1)
        }
    }

    @Test func manySendersAreAllLinkedFromTheIndexWhichShowsTheMostActive() throws {
        let count = 150
        let senders: [[CellValue]] = (0..<count).map { index in
            [.text("acme"), .text(String(format: "s%03d", index)), .text("Sender \(index)"), .integer(Int64(index)),
             .integer(Int64(index / 2)), .real(index == 0 ? 0 : 0.5), .integer(1), .integer(0), .real(0)]
        }
        let site = try RenderedSite(ReportFixture.model(replacing: ["report_sender_summary": senders]))
        let index = try site.document("index.html")
        let table = bodyRows(try section("report_sender_summary", in: index))
        #expect(table.count == 100)
        #expect(table.map { $0[1] } == (50..<count).reversed().map { String(format: "s%03d", $0) }, "the most requests sent first")
        let bars = try section("acceptance", in: index).all(named: "g").filter { $0.attributes["class"] == "bar" }
        #expect(bars.count == 100)
        let links = Set(try site.links(from: "index.html"))
        for sender in senders {
            #expect(links.contains(PageName.sender(source: "acme", id: sender[1].plainText)), "\(sender[1])")
        }
        #expect(try section("pages", in: index).all(named: "a").count == count)
    }

    @Test func theIndexStaysSmallWhateverTheNumberOfThreads() throws {
        let fewer = try RenderedSite(ReportFixture.model(replacing: [
            "report_threads": (0..<1_300).map(Self.thread), "report_daily_activity": (0..<Self.days).map(Self.day),
        ]))
        let sizes = [fewer, try RenderedSite(model)].map { $0.pages["index.html"]?.html.utf8.count ?? 0 }
        // Both show 100 threads, 34 of them replied, whose texts are as long; only the totals differ, by no character.
        #expect(abs(sizes[1] - sizes[0]) < 16, "\(sizes)")
    }
}
