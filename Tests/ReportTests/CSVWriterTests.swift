import Foundation
import Testing
@testable import Report

@Suite struct CSVWriterTests {
    /// The sender summary as CSV text and its parsed records.
    private func senderSummaryCSV() throws -> (text: String, bytes: Data, records: [[String]]) {
        try withTemporaryDirectory { directory in
            let model = try ReportFixture.loadModel(in: directory)
            let url = directory.appendingPathComponent("out.csv")
            try model.read { try CSVWriter().write(try model.views[0].cursor(in: $0), to: url) }
            let bytes = try Data(contentsOf: url)
            let text = try #require(String(data: bytes, encoding: .utf8))
            return (text, bytes, try CSVReader.records(text))
        }
    }

    private func column(_ name: String, in records: [[String]]) throws -> [String] {
        let index = try #require(records.first?.firstIndex(of: name))
        return records.dropFirst().map { $0[index] }
    }

    @Test func headerIsTheViewsColumns() throws {
        let csv = try senderSummaryCSV()
        #expect(csv.records.first == ReportFixture.views[0].1)
        #expect(csv.records.count == 1 + ReportFixture.rows(of: "report_sender_summary").count)
        #expect(csv.records.allSatisfy { $0.count == 9 })
    }

    @Test func neutralisesFormulasAndRoundTripsQuoting() throws {
        let names = try column("sender_name", in: senderSummaryCSV().records)
        #expect(names == [
            "'=cmd|' /C calc'!A0", "'+SUM(1)", "\"quoted, comma\"", "line one\nline two",
            "<script>alert(1)</script>", "Zoë 李雷", "'-2+3", "'@x", "'=1+1",
        ])
    }

    @Test func ratesHaveFourDecimalsAndNullsAreEmpty() throws {
        let records = try senderSummaryCSV().records
        #expect(try column("acceptance_rate", in: records)
            == ["0.6250", "", "0.3333", "", "1.0000", "0.7500", "0.0000", "1.0000", "1.0000"])
        #expect(try column("response_rate", in: records)
            == ["1.0000", "", "0.0000", "0.5000", "0.0000", "", "1.0000", "0.0000", "0.0000"])
        #expect(try column("requests_accepted", in: records) == ["5", "0", "1", "", "2", "3", "0", "1", "1"])
        #expect(try column("messages_sent", in: records) == ["10", "", "4", "2", "1", "0", "1", "1", "1"])
    }

    @Test func bytesAreUTF8WithoutBOMAndEndWithCRLF() throws {
        let csv = try senderSummaryCSV()
        #expect(Array(csv.bytes.prefix(7)) == Array("source,".utf8))
        #expect(csv.text.hasPrefix("source,sender_id,sender_name,requests_sent,") )
        #expect(csv.text.hasSuffix("\r\n"))
        #expect(csv.text.contains("s1,'=cmd|' /C calc'!A0,8,5,0.6250,10,10,1.0000\r\n"))
        #expect(csv.text.contains("\"\"\"quoted, comma\"\"\""))
        #expect(csv.text.contains("\"line one\nline two\""))
    }

    @Test func sameModelSameBytes() throws {
        let first = try senderSummaryCSV().bytes
        let second = try senderSummaryCSV().bytes
        #expect(first == second)
    }

    @Test func fieldFormatting() {
        #expect(CSVWriter.field(.real(-0.00001), kind: .rate) == "0.0000")
        #expect(CSVWriter.field(.real(0.99996), kind: .rate) == "1.0000")
        #expect(CSVWriter.field(.real(.infinity), kind: .rate) == "")
        #expect(CSVWriter.field(.integer(0), kind: .rate) == "0.0000")
        #expect(CSVWriter.field(.real(3), kind: .count) == "3")
        #expect(CSVWriter.field(.integer(-2), kind: .count) == "-2")
        #expect(CSVWriter.field(.text("-5"), kind: .text) == "'-5")
        #expect(CSVWriter.field(.text("\tx"), kind: .text) == "'\tx")
        #expect(CSVWriter.field(.text("a=b"), kind: .text) == "a=b")
        #expect(CSVWriter.field(.text("2024-05-01T09:30:00Z"), kind: .timestamp) == "2024-05-01T09:30:00Z")
        #expect(CSVWriter.field(.text("say \"hi\""), kind: .text) == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field(.text("a\rb"), kind: .text) == "\"a\rb\"")
        #expect(CSVWriter.field(.null, kind: .count) == "")
        // Every line break Swift counts as one, found in the UTF-8 bytes.
        for text in ["a\u{2028}b", "a\u{2029}b", "a\u{85}b", "a\u{0B}b", "a\u{0C}b", "a\nb"] {
            #expect(CSVWriter.field(.text(text), kind: .text) == "\"\(text)\"", "\(text.debugDescription)")
        }
        #expect(CSVWriter.field(.text("=\"x\""), kind: .text) == "\"'=\"\"x\"\"\"")
        #expect(CSVWriter.field(.text("Zoë 李雷"), kind: .text) == "Zoë 李雷")
        // A comma or quote that a combining mark joins to is still a comma or a quote to a CSV reader.
        #expect(CSVWriter.field(.text("a,\u{301}b"), kind: .text) == "\"a,\u{301}b\"")
        #expect(CSVWriter.field(.text("\"\u{301}"), kind: .text) == "\"\"\"\u{301}\"")
    }

    @Test func streamsTablesLargerThanOneChunk() throws {
        let columns = [ReportColumn(name: "sender_name"), ReportColumn(name: "requests_sent")]
        let rows = (0..<20_000).map { [CellValue.text("name, \($0)"), .integer(Int64($0))] }
        let records = try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("big.csv")
            try CSVWriter().write(ReportCursor(ReportTable(name: "big", columns: columns, rows: rows)), to: url)
            return try CSVReader.records(String(decoding: Data(contentsOf: url), as: UTF8.self))
        }
        #expect(records.count == 20_001)
        #expect(records.last == ["name, 19999", "19999"])
    }

    @Test func anUnwritablePathIsAReportError() throws {
        let table = ReportTable(name: "t", columns: [ReportColumn(name: "source")], rows: [])
        #expect(throws: ReportError.self) {
            try CSVWriter().write(ReportCursor(table), to: URL(fileURLWithPath: "/nonexistent-dir/x/t.csv"))
        }
    }
}
