import Foundation
import Warehouse

/// Loads the raw landing table into the star schema. It reads only raw pages (never an API), in
/// the order they were fetched, so an incremental load and a full rebuild give the same rows.
public struct Transformer: Sendable {
    private let warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// Loads every page not loaded yet; with `rebuild`, empties the star schema and loads them all.
    @discardableResult
    public func run(rebuild: Bool = false) throws -> TransformSummary {
        try warehouse.pool.write { db in
            if rebuild {
                for table in WarehouseSchema.derivedTables {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
            }
            let watermark = try Int64.fetchOne(db, sql: "SELECT value FROM transform_state WHERE key = 'raw_page'") ?? 0
            var summary = TransformSummary()
            let star = StarWriter(db: db)
            let pages = try RawPage.fetchCursor(db, sql: "SELECT * FROM raw_page WHERE id > ? ORDER BY id", arguments: [watermark])
            var last = watermark
            while let page = try pages.next() {
                last = page.id ?? last
                guard page.isSuccess, let normaliser = Normalisers.normaliser(for: page.kind) else {
                    summary.pagesSkipped += 1
                    continue
                }
                let json: JSONValue
                do {
                    json = try JSONValue.parse(page.body)
                } catch {
                    summary.pagesSkipped += 1
                    summary.problems.append("\(page.source): \(page.endpoint): raw page \(last) skipped: \(error)")
                    continue
                }
                let sourceKey = try star.sourceKey(name: page.source, kind: page.kind)
                try normaliser.load(page, json: json, sourceKey: sourceKey, into: star)
                summary.pagesLoaded += 1
            }
            try star.ensureEventDays()
            try db.execute(sql: "INSERT OR REPLACE INTO transform_state (key, value) VALUES ('raw_page', ?)", arguments: [last])
            return summary
        }
    }
}

/// What one transform did.
public struct TransformSummary: Sendable {
    public var pagesLoaded = 0
    public var pagesSkipped = 0
    /// One line per page that could not be read.
    public var problems: [String] = []
}
