import Foundation
import GRDB
import Pipeline
import Publish
import TestSupport
import Testing
import Warehouse

/// Publishing the warehouse to a real PostgreSQL server started for the test: what lands, how it is merged,
/// hostile values, and what a failure leaves behind.
@Suite struct PostgresPublishTests {
    /// A copy of the demo's warehouse (every vendor) in `directory`.
    static func demoWarehouse(_ directory: TemporaryDirectory) async throws -> Warehouse {
        let demo = try await DemoOutput.copy(to: directory.file("demo"))
        try FileManager.default.moveItem(at: demo.warehouse, to: directory.file("warehouse.sqlite"))
        return try Warehouse(url: directory.file("warehouse.sqlite"))
    }

    static func destination(_ server: PostgresServer, password: String? = nil, schema: String = "outreach") throws -> PostgresDestination {
        PostgresDestination(name: "team-postgres", url: try PostgresURL(password.map(server.url(password:)) ?? server.url), schema: schema)
    }

    /// Every row of every table of the warehouse, as text: what "untouched" compares.
    static func contents(_ url: URL) throws -> [String] {
        let queue = try DatabaseQueue(path: url.path)
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map { "\(table): \($0)" }
            }
        }
    }

    private func count(_ server: PostgresServer, _ table: String) async throws -> Int {
        Int(try await server.sql("SELECT count(*) FROM outreach.\(table)").first ?? "") ?? -1
    }

    @Test func aFirstPublishHoldsEveryTableAndViewWithFittingTypes() async throws {
        let directory = try TemporaryDirectory("publish")
        defer { directory.remove() }
        let warehouse = try await Self.demoWarehouse(directory)
        try await PostgresServer.with { server in
            let summary = try await PostgresPublisher(destination: try Self.destination(server)).publish(warehouse, runID: 1)
            let tables = try await warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\'")
            } + WarehouseSchema.derivedTables.filter { $0 != "transform_state" }
            #expect(Set(summary.rows.map(\.table)) == Set(tables))
            for table in tables {
                let expected = try await warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
                #expect(try await count(server, table) == expected, "\(table)")
                #expect(summary.rows.first { $0.table == table }?.rows == expected, "\(table)")
            }
            let types = try await server.sql("""
                SELECT table_name || '.' || column_name || '=' || data_type FROM information_schema.columns
                WHERE table_schema = 'outreach'
                  AND table_name IN ('report_sender_summary', 'report_threads', 'report_campaign_steps', 'report_daily_activity')
                """)
            for expected in ["report_sender_summary.source=text", "report_sender_summary.requests_sent=bigint",
                             "report_sender_summary.acceptance_rate=numeric", "report_threads.first_outbound_at=timestamp with time zone",
                             "report_threads.replied=bigint", "report_campaign_steps.replied=bigint", "report_daily_activity.date=date"] {
                #expect(types.contains(expected), "\(expected) in \(types)")
            }
            // The view's columns in the view's order.
            let columns = try await server.sql("""
                SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
                WHERE table_schema = 'outreach' AND table_name = 'report_reply_quality'
                """)
            #expect(columns == ["source,sender_id,conversations,replied_conversations,auto_replies,genuine_replies,positive,negative,referral,neutral,genuine_response_rate,positive_reply_rate"])
            // The same figures as SQLite's.
            let sqlite = try await warehouse.pool.read { db in
                try String.fetchAll(db, sql: "SELECT source || ',' || sender_id || ',' || COALESCE(requests_sent, '') FROM report_sender_summary ORDER BY 1")
            }
            #expect(try await server.sql("SELECT source || ',' || sender_id || ',' || COALESCE(requests_sent::text, '') FROM outreach.report_sender_summary ORDER BY 1") == sqlite)
            #expect(try await server.sql("SELECT DISTINCT run_id FROM outreach.publish_log") == ["1"])
            #expect(try await count(server, "publish_log") == tables.count)
        }
    }

    @Test func aSecondPublishWritesOnlyTheRowsThatChanged() async throws {
        let directory = try TemporaryDirectory("publish")
        defer { directory.remove() }
        let warehouse = try await Self.demoWarehouse(directory)
        try await PostgresServer.with { server in
            let publisher = PostgresPublisher(destination: try Self.destination(server))
            _ = try await publisher.publish(warehouse, runID: 1)
            let renamed = try await warehouse.pool.write { db -> Int64 in
                let key = try Int64.fetchOne(db, sql: "SELECT MIN(sender_key) FROM dim_sender") ?? 0
                try db.execute(sql: "UPDATE dim_sender SET name = 'Renamed Sender' WHERE sender_key = ?", arguments: [key])
                try db.execute(sql: "DELETE FROM fact_connection_accepted WHERE (source_key, prospect_key) IN (SELECT source_key, prospect_key FROM fact_connection_accepted LIMIT 1)")
                // As a transform that changed the star would.
                try ReportingViews.refresh(in: db)
                return key
            }
            let accepted = try await warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_connection_accepted") ?? 0 }
            _ = try await publisher.publish(warehouse, runID: 2, at: Date().addingTimeInterval(60))
            // Rows written by the second publish carry its transaction id, as its log rows do.
            let second = "(SELECT xmin::text FROM outreach.publish_log WHERE run_id = 2 LIMIT 1)"
            #expect(try await server.sql("SELECT count(*) FROM outreach.dim_sender WHERE xmin::text = \(second)") == ["1"])
            #expect(try await server.sql("SELECT name FROM outreach.dim_sender WHERE sender_key = \(renamed)") == ["Renamed Sender"])
            #expect(try await server.sql("SELECT count(*) FROM outreach.fact_message WHERE xmin::text = \(second)") == ["0"])
            #expect(try await server.sql("SELECT count(*) FROM outreach.dim_prospect WHERE xmin::text = \(second)") == ["0"])
            #expect(try await count(server, "fact_connection_accepted") == accepted)
            // Views are replaced whole, with the new name in them.
            #expect(try await server.sql("SELECT count(*) FROM outreach.report_sender_summary WHERE sender_name = 'Renamed Sender'") == ["1"])
        }
    }

    @Test func hostileStringsArriveIntact() async throws {
        let directory = try TemporaryDirectory("publish-hostile")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        // A NUL never reaches the warehouse (the transform keeps it as U+FFFD); COPYTextTests covers one anyway.
        let names = ["tab\there", "line\nbreak", "carriage\rreturn", "back\\slash\\N", "nul\u{FFFD}byte", "quote\"and'apostrophe",
                     "emoji 👍🏽 李雷 مرحبا", "\\.", "", "=1+1", ";DROP TABLE x;--"]
        try await warehouse.pool.write { db in
            for (index, name) in names.enumerated() {
                try db.execute(sql: "INSERT INTO dim_prospect (prospect_key, public_id, name, job) VALUES (?, ?, ?, NULL)",
                               arguments: [index + 1, "p\(index)", name])
            }
        }
        try await PostgresServer.with { server in
            _ = try await PostgresPublisher(destination: try Self.destination(server)).publish(warehouse, runID: nil)
            let stored = try await server.sql("SELECT encode(convert_to(name, 'UTF8'), 'hex') || ':' || (job IS NULL) FROM outreach.dim_prospect ORDER BY prospect_key")
            let expected = names.map { name in name.utf8.map { String(format: "%02x", $0) }.joined() + ":true" }
            #expect(stored == expected)
        }
    }

    @Test func aColumnAddedToAViewIsAddedToItsTable() async throws {
        let directory = try TemporaryDirectory("publish-evolve")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        try await warehouse.pool.write { db in try db.execute(sql: "CREATE VIEW report_extra AS SELECT 1 AS conversations") }
        try await PostgresServer.with { server in
            let publisher = PostgresPublisher(destination: try Self.destination(server))
            _ = try await publisher.publish(warehouse, runID: nil)
            try await warehouse.pool.write { db in
                try db.execute(sql: "DROP VIEW report_extra; CREATE VIEW report_extra AS SELECT 2 AS conversations, 'x' AS note, 0.5 AS reply_rate")
            }
            _ = try await publisher.publish(warehouse, runID: nil)
            _ = try await publisher.publish(warehouse, runID: nil)
            #expect(try await server.sql("SELECT conversations || ',' || note || ',' || reply_rate FROM outreach.report_extra") == ["2,x,0.5"])
            #expect(try await server.sql("""
                SELECT string_agg(column_name || ' ' || data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns
                WHERE table_schema = 'outreach' AND table_name = 'report_extra'
                """) == ["conversations bigint,note text,reply_rate numeric"])
        }
    }

    @Test func aColumnAnOlderVersionTypedNarrowerIsWidened() async throws {
        let directory = try TemporaryDirectory("publish-widen")
        defer { directory.remove() }
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        try await warehouse.pool.write { db in try db.execute(sql: "CREATE VIEW report_extra AS SELECT 98493 AS replied") }
        try await PostgresServer.with { server in
            // The table as a version that took every `replied` for a 0/1 flag created it.
            _ = try await server.sql("CREATE SCHEMA outreach; CREATE TABLE outreach.report_extra (replied smallint)")
            let summary = try await PostgresPublisher(destination: try Self.destination(server)).publish(warehouse, runID: nil)
            #expect(summary.rows.first { $0.table == "report_extra" }?.rows == 1)
            #expect(try await server.sql("SELECT replied FROM outreach.report_extra") == ["98493"])
            #expect(try await server.sql("""
                SELECT data_type FROM information_schema.columns WHERE table_schema = 'outreach' AND table_name = 'report_extra'
                """) == ["bigint"])
        }
    }

    @Test func twoPublishesAtOnceTakeTurns() async throws {
        let directory = try TemporaryDirectory("publish-twice")
        defer { directory.remove() }
        let warehouse = try await Self.demoWarehouse(directory)
        try await PostgresServer.with { server in
            let publisher = PostgresPublisher(destination: try Self.destination(server))
            async let first = publisher.publish(warehouse, runID: 1, at: Date(timeIntervalSince1970: 1_800_000_000))
            async let second = publisher.publish(warehouse, runID: 2, at: Date(timeIntervalSince1970: 1_800_000_100))
            let (a, b) = try await (first, second)
            #expect(a.totalRows == b.totalRows)
            #expect(try await server.sql("SELECT count(DISTINCT published_at) FROM outreach.publish_log") == ["2"])
            let senders = try await warehouse.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dim_sender") ?? 0 }
            #expect(try await count(server, "dim_sender") == senders)
        }
    }
}
