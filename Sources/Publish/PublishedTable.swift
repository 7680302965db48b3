import GRDB
import Report
import Warehouse

/// One table a publish writes: a star-schema table, merged by its primary key, or a reporting view's rows,
/// replaced whole; its columns in order with the PostgreSQL type each is created with.
struct PublishedTable: Sendable {
    enum Kind: Sendable {
        /// Merged by `keys`: only the rows that changed are written.
        case star(keys: [String])
        /// Replaced whole.
        case view
    }

    struct Column: Sendable {
        let name: String
        let type: String
    }

    let name: String
    let kind: Kind
    let columns: [Column]

    /// The warehouse query of its rows: its columns, in order.
    var select: String {
        "SELECT \(columns.map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")) FROM \(name.quotedDatabaseIdentifier)"
    }

    /// Every table of the warehouse a publish writes: the star schema's (not its bookkeeping) and every `report_` view.
    static func all(in db: Database) throws -> [PublishedTable] {
        var tables: [PublishedTable] = []
        for name in WarehouseSchema.derivedTables.reversed() where name != "transform_state" {
            let info = try Row.fetchAll(db, sql: "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
            let keys = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
            tables.append(PublishedTable(name: name, kind: .star(keys: keys), columns: info.map {
                Column(name: $0["name"], type: Self.type(declared: $0["type"]))
            }))
        }
        let views = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\' ORDER BY name
            """)
        for name in views {
            // A stored view's table has untyped columns: the types come from its query.
            let info = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?) ORDER BY cid",
                                        arguments: [ReportingViews.query(of: name)])
            tables.append(PublishedTable(name: name, kind: .view, columns: info.map { row in
                let column: String = row["name"]
                return Column(name: column, type: Self.type(kind: ColumnKind(columnName: column), declared: row["type"]))
            }))
        }
        return tables
    }

    /// The type of a view's column: by what its name says it holds (counts, rates, dates, instants), else by the
    /// declared type of the column it reads.
    static func type(kind: ColumnKind, declared: String) -> String {
        switch kind {
        case .count: "bigint"
        case .rate, .minutes: "numeric"
        case .date: "date"
        case .timestamp: "timestamptz"
        case .text: type(declared: declared)
        }
    }

    /// A type as PostgreSQL's `information_schema` spells it.
    static func formatted(_ type: String) -> String {
        type == "timestamptz" ? "timestamp with time zone" : type
    }

    /// SQLite's declared type as PostgreSQL's.
    static func type(declared: String) -> String {
        switch declared.uppercased() {
        case "INTEGER", "INT", "BIGINT": "bigint"
        case "REAL", "DOUBLE", "FLOAT": "double precision"
        case "BLOB": "bytea"
        default: "text"
        }
    }
}
