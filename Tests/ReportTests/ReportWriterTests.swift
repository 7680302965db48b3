import Foundation
import Testing
@testable import Report

@Suite struct ReportWriterTests {

    @Test func writesEveryFormatIntoANewFolder() throws {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory)
            let out = directory.appendingPathComponent("reports/demo")
            let written = try ReportWriter().write(model, formats: ReportFormat.allCases, to: out)
            let expected = ReportModel.fileViews.map { "\($0).csv" } + ["report.xlsx", "index.html"]
            let topLevel = written.filter { $0.deletingLastPathComponent().path == out.path }
            #expect(topLevel.map(\.lastPathComponent) == expected)
            #expect(written.last?.lastPathComponent == "index.html", "the index is written last, after the pages it links")
            let pages = written.filter { $0.deletingLastPathComponent().path != out.path }
            #expect(!pages.isEmpty && pages.allSatisfy { ["senders", "campaigns"].contains($0.deletingLastPathComponent().lastPathComponent) })
            let listing = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(listing == (expected + ["campaigns", "senders"]).sorted())
        }
    }

    @Test func writesOnlyTheRequestedFormatsOnce() throws {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory)
            let html = try ReportWriter().write(model, formats: [.html, .html], to: directory.appendingPathComponent("a"))
            #expect(html.last?.lastPathComponent == "index.html")
            #expect(html.allSatisfy { $0.pathExtension == "html" })
            let csv = try ReportWriter().write(model, formats: [.csv], to: directory.appendingPathComponent("b"))
            #expect(csv.map(\.lastPathComponent) == ReportModel.fileViews.map { "\($0).csv" })
            #expect(csv.count == 13, "the nine contract views, the three health views and the figures by period")
            #expect(try ReportWriter().write(model, formats: [], to: directory.appendingPathComponent("c")).isEmpty)
        }
    }

    @Test func rewritingReplacesTheFiles() throws {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory)
            let out = directory.appendingPathComponent("out")
            let first = try ReportWriter().write(model, formats: ReportFormat.allCases, to: out)
            let before = try first.map { try Data(contentsOf: $0) }
            let second = try ReportWriter().write(model, formats: ReportFormat.allCases, to: out)
            #expect(try second.map { try Data(contentsOf: $0) } == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == ReportModel.fileViews.count + 4)
        }
    }

    @Test func aFileInTheWayIsAReportError() throws {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory)
            let blocker = directory.appendingPathComponent("blocker")
            try Data("x".utf8).write(to: blocker)
            #expect(throws: ReportError.self) {
                try ReportWriter().write(model, formats: [.csv], to: blocker)
            }
            let error = ReportError.file(path: "/x/report.csv", message: "disk full")
            #expect(error.description == "Could not write the report file /x/report.csv: disk full.")
            #expect(!error.isTransient)
        }
    }
}
