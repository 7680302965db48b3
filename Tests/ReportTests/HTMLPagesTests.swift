import Foundation
import Testing
@testable import Report

/// index.html, a page per sender and per campaign, linked both ways, each self-contained.
@Suite struct HTMLPagesTests {
    private let model = ReportFixture.model()

    private func senderPath(_ source: String, _ id: String) -> String { PageName.sender(source: source, id: id) }
    private func campaignPath(_ source: String, _ id: String) -> String { PageName.campaign(source: source, id: id) }

    @Test func onePagePerSenderAndPerCampaignThenTheIndex() throws {
        let site = try RenderedSite(model)
        let senders = ReportFixture.rows(of: "report_sender_summary").map { senderPath($0[0].plainText, $0[1].plainText) }
        let campaigns = ReportFixture.rows(of: "report_campaign_summary").map { campaignPath($0[0].plainText, $0[1].plainText) }
        #expect(Set(site.order.dropLast()) == Set(senders + campaigns))
        #expect(site.order.last == "index.html", "the index is written last, after the pages it links")
        #expect(Set(site.order).count == site.order.count)
        #expect(senders.allSatisfy { $0.hasPrefix("senders/") && $0.hasSuffix(".html") })
        #expect(campaigns.allSatisfy { $0.hasPrefix("campaigns/") && $0.hasSuffix(".html") })
    }

    @Test func everyLinkResolvesToAPageOfTheReport() throws {
        let site = try RenderedSite(model)
        // The data files the writer puts beside the pages.
        let dataFiles = Set(ReportModel.fileViews.map { "\($0).csv" } + ["report.xlsx"])
        #expect(try Set(site.links(from: "index.html")).isSuperset(of: dataFiles), "the index links every data file")
        for path in site.order {
            for link in try site.links(from: path) where !dataFiles.contains(link) {
                #expect(site.pages[link] != nil, "\(path) links to \(link), which is not a page")
            }
        }
    }

    @Test func indexLinksEverySenderAndCampaignAndTheyLinkBack() throws {
        let site = try RenderedSite(model)
        let index = Set(try site.links(from: "index.html"))
        for path in site.order where path != "index.html" {
            #expect(index.contains(path), "index.html does not link \(path)")
            #expect(try site.links(from: path).contains("index.html"), "\(path) does not link back to index.html")
        }
        // The sender page lists its campaigns; the campaign page links its sender.
        let s1 = senderPath("acme", "s1"), c1 = campaignPath("acme", "c1")
        #expect(try site.links(from: s1).contains(c1))
        #expect(try site.links(from: c1).contains(s1))
        let s5 = senderPath("beta", "s5"), c2 = campaignPath("beta", "c2")
        #expect(try site.links(from: s5).contains(c2))
        #expect(try site.links(from: c2).contains(s5))
        #expect(try !site.links(from: s5).contains(c1))
        // Sender names in the index link with relative hrefs.
        let anchors = try site.document("index.html").elements(named: "a")
        let sender = try #require(anchors.first { $0.text == ReportFixture.formulaName })
        #expect(sender.attributes["href"] == s1)
    }

    @Test func everyPageIsSelfContainedWithOneInlineScript() throws {
        let site = try RenderedSite(model)
        let network = try Regex(#"(?i)\bsrc\s*=\s*["']?(https?:)?//|<link\b[^>]*\bhref\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//"#)
        for path in site.order {
            let (html, document) = try #require(site.pages[path])
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
            let scripts = document.elements(named: "script")
            #expect(scripts.count == 1, "\(path)")
            #expect(scripts.first?.attributes["src"] == nil)
            #expect(scripts.first?.text.contains("dataset.ready") == true)
            #expect(document.elements(named: "style").count == 1)
            #expect(document.elements(named: "link").isEmpty && document.elements(named: "img").isEmpty)
            #expect(!document.all.contains { $0.attributes["src"] != nil }, "\(path) loads a file")
            #expect(html.firstMatch(of: network) == nil, "\(path)")
            #expect(html.range(of: "url(", options: .caseInsensitive) == nil)
            #expect(document.all.contains { $0.attributes["id"] == "provenance" }, "\(path) has no provenance footer")
            #expect(!html.contains("<script>alert"), "\(path) escapes vendor strings")
        }
    }

    @Test func staleSourcesGetABannerOnEveryPage() throws {
        let site = try RenderedSite(model)
        for path in site.order {
            let banners = try site.document(path).all.filter { $0.attributes["class"] == "banner" }
            // The stale source, then the sender over a weekly cap in the last complete week (2024-W17).
            #expect(banners.count == 2, "\(path)")
            #expect(banners.first?.text.contains("beta <prod>") == true)
            #expect(banners.last?.text.contains("1 sender over a weekly cap in 2024-W17") == true)
            #expect(banners.last?.text.contains("Ada <b> (acme: 120 invitations of 100") == true, "named, escaped")
        }
    }

    @Test func pagesBelowTheIndexCountTheSourcesAndLinkToTheirTable() throws {
        let site = try RenderedSite(model)
        for path in site.order where path != "index.html" {
            let footer = try #require(try site.document(path).all.first { $0.attributes["id"] == "provenance" }, "\(path)")
            #expect(footer.all(named: "table").isEmpty, "\(path) repeats the sources' table")
            #expect(footer.text.contains("2 sources, 1 of them stale"), "\(path): \(footer.text)")
            #expect(footer.all(named: "a").contains { $0.attributes["href"] == "../index.html#provenance" }, "\(path)")
        }
    }

    @Test func theCapBannerNamesAFewSendersAndCountsTheRest() {
        #expect(HTMLPage.listed(["a", "b"], of: 2) == "a; b")
        let many = (1...8).map { "s\($0)" }
        #expect(HTMLPage.listed(Array(many.prefix(HTMLPage.bannerNames)), of: many.count) == "s1; s2; s3; s4; s5; and 3 more")
        #expect(HTMLPage.listed(many, of: many.count) == "s1; s2; s3; s4; s5; and 3 more")
    }

    @Test func senderPageShowsItsFiguresTrendCampaignsAndReplyTimes() throws {
        let document = try RenderedSite(model).document(senderPath("acme", "s1"))
        #expect(document.elements(named: "h1").first?.text == ReportFixture.formulaName)
        let values = document.all.filter { $0.attributes["class"] == "value" }.map(\.text)
        #expect(values == ["8", "5", "62.5%", "10", "10", "100.0%", "45 min", "3 h 20 min", "37.5%", "12.5%"])
        let trend = try #require(document.all.first { $0.attributes["id"] == "trend" })
        let title = try #require(trend.all(named: "svg").first?.children.first { $0.name == "title" }).text
        #expect(title.contains("2024-05-01 to 2024-05-02"))
        let campaigns = try #require(document.all.first { $0.attributes["id"] == "report_campaign_summary" })
        #expect(campaigns.all(named: "tbody").first?.children.count == 1)
        let weekly = try #require(document.all.first { $0.attributes["id"] == "report_weekly" })
        #expect(weekly.all(named: "tbody").first?.children.count == 1)
        #expect(document.all.first { $0.attributes["id"] == "reply-time" }?.text.contains("3 replied conversations") == true)
    }

    @Test func campaignPageShowsItsFiguresFunnelTrendAndWarnings() throws {
        let document = try RenderedSite(model).document(campaignPath("acme", "c1"))
        #expect(document.elements(named: "h1").first?.text == "Tom & Jerry's \"deal\" <b>")
        let values = document.all.filter { $0.attributes["class"] == "value" }.map(\.text)
        #expect(values == ["40", "8", "5", "62.5%", "10", "10", "100.0%"])
        let warnings = try #require(document.all.first { $0.attributes["id"] == "warnings" })
        #expect(warnings.text.contains("rate_mismatch: vendor says 70.0%, counts give 62.5%"))
        let funnel = try #require(document.all.first { $0.attributes["id"] == "funnel" }?.all(named: "svg").first)
        #expect(funnel.attributes["aria-label"]?.contains("Members 40, Requests sent 8 (20.0% of members)") == true)
        let trend = try #require(document.all.first { $0.attributes["id"] == "trend" })
        #expect(trend.all(named: "svg").count == 2)
    }

    @Test(arguments: [
        ("acme", "U2FsdGVkX1+nsqiyuWdae8ei/aceLnvVMMiBpSIYZFs="), ("a/b", "../../etc/passwd"), ("", ""),
        ("Zoë", "李雷"), ("x", String(repeating: "/", count: 300)),
    ])
    func pageNamesAreSafeFileNames(source: String, id: String) {
        let file = PageName.file(source: source, id: id)
        #expect(file.hasSuffix(".html"))
        #expect(file.count <= 64)
        #expect(file.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." })
        #expect(!file.hasPrefix(".") && !file.hasPrefix("-"))
        #expect(PageName.file(source: source, id: id) == file)
    }

    @Test func idsThatSanitiseAlikeGetDifferentPages() {
        let ids = ["U2Fs+dGVk=", "U2Fs/dGVk=", "u2fs+dgvk=", "U2Fs+dGVk", "U2Fs=dGVk="]
        let files = ids.map { PageName.file(source: "acme", id: $0) }
        #expect(Set(files).count == ids.count)
        #expect(PageName.file(source: "a", id: "bc") != PageName.file(source: "ab", id: "c"))
    }

    @Test func theWriterWritesEveryPageAndRemovesPagesNoLongerReported() throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("reports")
            let written = try ReportWriter().write(model, formats: [.html], to: out)
            let expected = try HTMLRenderer().pages(model).map(\.path)
            #expect(written.map { $0.path.replacingOccurrences(of: out.path + "/", with: "") } == expected)
            for path in expected {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
            }
            let before = try written.map { try Data(contentsOf: $0) }
            #expect(try ReportWriter().write(model, formats: [.html], to: out).map { try Data(contentsOf: $0) } == before)
            let fewer = ReportFixture.model(replacing: [
                "report_sender_summary": Array(ReportFixture.rows(of: "report_sender_summary").prefix(1)),
            ])
            _ = try ReportWriter().write(fewer, formats: [.html], to: out)
            let senders = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("senders").path)
            #expect(senders == [PageName.file(source: "acme", id: "s1")])
            let all = try FileManager.default.subpathsOfDirectory(atPath: out.path)
            #expect(!all.contains { $0.hasSuffix(".partial") })
        }
    }
}
