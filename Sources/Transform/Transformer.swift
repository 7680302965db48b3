import Foundation
import Warehouse

/// Loads the raw landing table into the star schema. It reads only raw pages (never an API), in
/// the order they were fetched, so an incremental load and a full rebuild give the same rows.
public struct Transformer: Sendable {
    private let warehouse: Warehouse
    private let replyRules: ReplyPhraseRules

    /// `replyRules` class the inbound messages; by default the rules shipped with the product.
    public init(warehouse: Warehouse, replyRules: ReplyPhraseRules? = nil) throws {
        self.warehouse = warehouse
        self.replyRules = try replyRules ?? .bundled()
    }

    /// What the normalisers read from the raw pages: a star schema loaded by an older version is rebuilt from the
    /// pages already landed, so what they held and the old version dropped (campaign steps, pending counts, from
    /// version 2) is there without fetching anything again. Raise it whenever a normaliser reads more.
    public static let loadVersion = "2"

    /// Loads every page not loaded yet; with `rebuild`, empties the star schema and loads them all.
    /// Rules of another version than the ones the stored messages were classed with rebuild too, so
    /// every message is classed by the same rules whether it was loaded now or earlier, and so does a star
    /// schema loaded by other normalisers (`loadVersion`).
    @discardableResult
    public func run(rebuild: Bool = false) throws -> TransformSummary {
        try warehouse.pool.writeWithoutTransaction { db in
            // Every key the load writes is one it has just looked up or made, so checking each row's references
            // again would only cost a lookup per reference (a daily row has two); `TransformIntegrityTests` checks
            // them once over whole loads. SQLite takes the setting only outside a transaction.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var summary = TransformSummary()
            try db.inTransaction {
                summary = try load(rebuild: rebuild, in: db)
                return .commit
            }
            return summary
        }
    }

    private func load(rebuild: Bool, in db: Database) throws -> TransformSummary {
        var watermark = try Int64.fetchOne(db, sql: "SELECT value FROM transform_state WHERE key = 'raw_page'") ?? 0
        // Pages loaded before (by other rules, or before messages had classes) are classed again.
        let classedWith = try WarehouseSetting.value(of: .replyRulesVersion, in: db)
        let loadedWith = try WarehouseSetting.value(of: .loadVersion, in: db) ?? "1"
        let reclassify = watermark > 0 && (classedWith != replyRules.version || loadedWith != Self.loadVersion)
        var summary = TransformSummary()
        if rebuild || reclassify {
            summary.rebuilt = true
            summary.reclassified = !rebuild
            for table in WarehouseSchema.derivedTables {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            watermark = 0
        }
        let star = StarWriter(db: db, replies: ReplyClassifier(rules: replyRules))
        let pages = try RawPage.fetchCursor(db, sql: "SELECT * FROM raw_page WHERE id > ? ORDER BY id", arguments: [watermark])
        var last = watermark
        while let page = try pages.next() {
            last = page.id ?? last
            guard page.isSuccess, let normaliser = Normalisers.normaliser(for: page.kind) else {
                summary.pagesSkipped += 1
                continue
            }
            do {
                try normaliser.load(page, into: star)
            } catch let error as JSONValue.ParseError {
                summary.pagesSkipped += 1
                summary.problems.append("\(page.source): \(page.endpoint): raw page \(last) skipped: \(error)")
                continue
            }
            summary.pagesLoaded += 1
        }
        try star.ensureEventDays()
        if summary.pagesLoaded > 0 || summary.rebuilt {
            let started = ContinuousClock.now
            summary.storedRowsWritten = try ReportingViews.refresh(in: db)
            summary.refreshSeconds = (ContinuousClock.now - started).timeInterval
        }
        try db.execute(sql: "INSERT OR REPLACE INTO transform_state (key, value) VALUES ('raw_page', ?)", arguments: [last])
        try WarehouseSetting.set(.replyRulesVersion, to: replyRules.version, in: db)
        try WarehouseSetting.set(.loadVersion, to: Self.loadVersion, in: db)
        return summary
    }
}

/// What one transform did.
public struct TransformSummary: Sendable {
    public var pagesLoaded = 0
    public var pagesSkipped = 0
    /// Whether the star schema was emptied and every page loaded again.
    public var rebuilt = false
    /// Whether that was because the reply rules or the normalisers (`Transformer.loadVersion`) changed since the
    /// star schema was loaded.
    public var reclassified = false
    /// Rows the refresh of the stored reporting views wrote, and how long it took (its part of the transform).
    public var storedRowsWritten = 0
    public var refreshSeconds = 0.0
    /// One line per page that could not be read.
    public var problems: [String] = []
}
