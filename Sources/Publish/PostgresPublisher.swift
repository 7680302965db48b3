import Foundation
import GRDB
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Warehouse

/// Publishes the warehouse to a PostgreSQL destination in one transaction: every star-schema table merged by its
/// key (only changed rows are written) and every reporting view's rows replaced, each loaded with `COPY ... FROM
/// STDIN`, with a row per table in `publish_log`. A reader sees the previous publish or this one, never part of one;
/// two publishes of one schema take turns on an advisory lock.
public struct PostgresPublisher: Sendable {
    public let destination: PostgresDestination
    private let logger: Logger

    public init(destination: PostgresDestination, logger: Logger = Logger(label: "etl.publish")) {
        self.destination = destination
        self.logger = logger
    }

    /// Publishes what `warehouse` holds now; `runID` is the run the log rows name.
    public func publish(_ warehouse: Warehouse, runID: Int64?, at now: Date = Date()) async throws(PublishError) -> PublishSummary {
        let started = ContinuousClock.now
        do {
            // Two snapshots of one moment (the writer is held while both are taken, and every etl command that
            // changes the warehouse holds its lock): while one table is sent from one, the next is read from the other.
            let pool = warehouse.pool
            let snapshots = try await pool.writeWithoutTransaction { _ in [try pool.makeSnapshot(), try pool.makeSnapshot()] }
            let tables = try await snapshots[0].read { db in try PublishedTable.all(in: db) }
            let connection = try await connect()
            do {
                let rows = try await publish(tables, from: snapshots, runID: runID, at: now, on: connection)
                try? await connection.close()
                return PublishSummary(destination: destination.name, rows: rows, seconds: (ContinuousClock.now - started).timeInterval)
            } catch {
                // Closing the connection rolls the transaction back on the server. A connection the server has
                // dropped may never answer a ROLLBACK or a close, so neither is waited for longer than a moment.
                await Self.atMost(.seconds(5)) { try? await connection.close() }
                throw error
            }
        } catch let error as DatabaseError {
            throw fail(.warehouse(error.message ?? "\(error.resultCode)"))
        } catch {
            throw fail(PublishError.cause(of: error))
        }
    }

    private func fail(_ cause: PublishError.Cause) -> PublishError {
        let password = destination.url.password ?? ""
        return PublishError(destination: destination.name, cause: cause,
                            secrets: [password, password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""])
    }

    private func connect() async throws -> PostgresConnection {
        let url = destination.url
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.username,
                                                             password: url.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(15)
        configuration.options.additionalStartupParameters = [("application_name", "outreach-etl publish")]
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    }

    private func publish(_ tables: [PublishedTable], from snapshots: [DatabaseSnapshot], runID: Int64?, at now: Date,
                         on connection: PostgresConnection) async throws -> [(table: String, rows: Int)] {
        let schema = Self.quoted(destination.schema)
        try await execute("BEGIN", on: connection)
        // A failure anywhere below leaves the transaction open: the caller closes the connection, which ends it.
        // One publish of a schema at a time: a second waits here until the first commits (before it creates the
        // schema, which two at once could not both do).
        let lockName = "outreach-etl publish \(destination.schema)"
        _ = try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockName)))", logger: logger).collect()
        try await execute("CREATE SCHEMA IF NOT EXISTS \(schema)", on: connection)
        try await execute("SET LOCAL search_path TO \(schema)", on: connection)
        try await execute("""
            CREATE TABLE IF NOT EXISTS publish_log (published_at timestamptz NOT NULL, run_id bigint, \
            table_name text NOT NULL, rows bigint NOT NULL)
            """, on: connection)
        var published: [(table: String, rows: Int)] = []
        // Each table's rows are read a table ahead, from the other snapshot, so SQLite computes the next view while
        // PostgreSQL takes in this one.
        func rows(of index: Int) -> RowChunks? {
            tables.indices.contains(index) ? RowChunks(snapshots[index % snapshots.count], sql: tables[index].select) : nil
        }
        var next = rows(of: 0)
        defer { next?.stop() }
        for (index, table) in tables.enumerated() {
            guard let chunks = next else { break }
            next = rows(of: index + 1)
            let rows: Int
            do {
                rows = try await publish(table, rows: chunks, on: connection)
            } catch {
                chunks.stop()
                throw error
            }
            published.append((table.name, rows))
            logger.debug("\(destination.name): \(table.name): \(rows) rows")
        }
        let stamp = Timestamp.string(now)
        for (table, rows) in published {
            _ = try await connection.query("""
                INSERT INTO publish_log (published_at, run_id, table_name, rows) VALUES (\(stamp)::timestamptz, \(runID), \(table), \(Int64(rows)))
                """, logger: logger).collect()
        }
        try await execute("COMMIT", on: connection)
        return published
    }

    /// One table: created when new, given the columns it lacks and the types its columns now need, then loaded with
    /// `chunks`, its rows.
    private func publish(_ table: PublishedTable, rows chunks: RowChunks, on connection: PostgresConnection) async throws -> Int {
        let name = Self.quoted(table.name)
        let existing = try await connection.query("""
            SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = \(destination.schema) AND table_name = \(table.name)
            """, logger: logger).collect().reduce(into: [String: String]()) { types, row in
            let (column, type) = try row.decode((String, String).self)
            types[column] = type
        }
        if existing.isEmpty {
            var definitions = table.columns.map { "\(Self.quoted($0.name)) \($0.type)" }
            if case let .star(keys) = table.kind, !keys.isEmpty {
                definitions.append("PRIMARY KEY (\(keys.map(Self.quoted).joined(separator: ", ")))")
            }
            try await execute("CREATE TABLE \(name) (\(definitions.joined(separator: ", ")))", on: connection)
        } else {
            // A column added to a view (or a table) since the last publish is added at the end, so the order holds.
            for column in table.columns {
                guard let type = existing[column.name] else {
                    try await execute("ALTER TABLE \(name) ADD COLUMN \(Self.quoted(column.name)) \(column.type)", on: connection)
                    continue
                }
                // A column an older version created with another type (a count once taken for a 0/1 flag, `smallint`)
                // takes the one its values need now.
                if type != PublishedTable.formatted(column.type) {
                    try await execute("""
                        ALTER TABLE \(name) ALTER COLUMN \(Self.quoted(column.name)) TYPE \(column.type) \
                        USING \(Self.quoted(column.name))::\(column.type)
                        """, on: connection)
                }
            }
        }
        let columns = table.columns.map(\.name)
        switch table.kind {
        case .view:
            try await execute("TRUNCATE \(name)", on: connection)
            return try await copy(chunks, into: table.name, columns: columns, on: connection)
        case let .star(keys):
            let empty = try await connection.query(PostgresQuery(unsafeSQL: "SELECT NOT EXISTS (SELECT 1 FROM \(name))"), logger: logger)
                .collect().first?.decode(Bool.self) ?? true
            if empty || keys.isEmpty {
                if !empty { try await execute("TRUNCATE \(name)", on: connection) }
                return try await copy(chunks, into: table.name, columns: columns, on: connection)
            }
            // Staged, then merged: rows gone from the warehouse are deleted, changed ones updated, new ones added;
            // a row that did not change is not written.
            let stage = Self.quoted("stage_" + table.name)
            try await execute("CREATE TEMP TABLE \(stage) (LIKE \(name)) ON COMMIT DROP", on: connection)
            let rows = try await copy(chunks, into: "stage_" + table.name, columns: columns, on: connection)
            let keyMatch = keys.map { "s.\(Self.quoted($0)) = t.\(Self.quoted($0))" }.joined(separator: " AND ")
            try await execute("DELETE FROM \(name) t WHERE NOT EXISTS (SELECT 1 FROM \(stage) s WHERE \(keyMatch))", on: connection)
            let list = columns.map(Self.quoted).joined(separator: ", ")
            let others = columns.filter { !keys.contains($0) }.map(Self.quoted)
            let update = others.isEmpty ? "DO NOTHING" : """
                DO UPDATE SET \(others.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")) \
                WHERE (\(others.map { "t.\($0)" }.joined(separator: ", ")), NULL) IS DISTINCT FROM (\(others.map { "EXCLUDED.\($0)" }.joined(separator: ", ")), NULL)
                """
            try await execute("""
                INSERT INTO \(name) AS t (\(list)) SELECT \(list) FROM \(stage) \
                ON CONFLICT (\(keys.map(Self.quoted).joined(separator: ", "))) \(update)
                """, on: connection)
            return rows
        }
    }

    /// Streams `chunks` into `table` with COPY; returns how many rows were sent.
    private func copy(_ chunks: RowChunks, into table: String, columns: [String], on connection: PostgresConnection) async throws -> Int {
        do {
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                for try await chunk in chunks {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    chunks.sent()
                }
            }
        } catch {
            chunks.stop()
            throw error
        }
        return chunks.rows.withLock { $0 }
    }

    /// Runs `work` and returns when it ends or when `limit` has passed, whichever is first; work still running then
    /// is left to finish on its own (it is cleanup of a connection that is gone).
    static func atMost(_ limit: Duration, _ work: @escaping @Sendable () async -> Void) async {
        let done = Locked(false)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finish: @Sendable () -> Void = {
                if done.withLock({ let first = !$0; $0 = true; return first }) { continuation.resume() }
            }
            Task { await work(); finish() }
            Task { try? await Task.sleep(for: limit); finish() }
        }
    }

    private func execute(_ sql: String, on connection: PostgresConnection) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }

    /// `name` as a PostgreSQL identifier, quoted, any quote in it doubled.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
