import Foundation
import GRDB
import Pipeline
import Sandbox
import TestSupport
import Testing
import Transform
import Warehouse

/// A name a vendor sends with a NUL in it (`\u0000` in the JSON) reaches the views and the CSV
/// whole: SQLite's C strings would end it at the NUL, so the NUL is kept as U+FFFD.
@Suite struct NamesWithNULTests {
    @Test func aNameWithANULIsKeptWholeInTheViews() throws {
        let directory = try TemporaryDirectory("nul-names")
        defer { directory.remove() }
        let people = (0..<3).map { SandboxPerson(slug: "person-\($0)", name: "Ana\u{0}Lopez \($0)") }
        let files = LinkedInMobileGenerator(people: people).make()
        #expect(String(decoding: files.mailbox, as: UTF8.self).contains(#"Ana\u0000Lopez"#), "the file spells the NUL as JSON does")
        try files.mailbox.write(to: directory.file("mailbox.json"))
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        _ = try MobileImport(source: "phone").land(directory.file("mailbox.json"), in: warehouse)
        _ = try Transformer(warehouse: warehouse).run(rebuild: false)

        let names = try warehouse.pool.read { db in try String.fetchAll(db, sql: "SELECT prospect_name FROM report_threads") }
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { $0.hasPrefix("Ana\u{FFFD}Lopez ") }, "\(names)")
    }
}
