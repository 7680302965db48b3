import Foundation
import GRDB

/// The zone the reporting views read local weekdays and hours in (`[reports] zone`): its offsets from UTC,
/// written into `zone_offset` from the system's time zone rules, so the views stay plain SQL.
public enum ReportZone {
    /// The span of instants whose offsets are written: every date outreach data can carry.
    static let span = (from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 4_102_444_800)) // 1970 to 2100

    /// Whether `zone` is the views' zone already.
    public static func isInstalled(_ zone: TimeZone, in db: Database) throws -> Bool {
        try WarehouseSetting.value(of: .reportZone, in: db) == zone.identifier
            && Int.fetchOne(db, sql: "SELECT count(*) FROM zone_offset") ?? 0 > 0
    }

    /// Makes `zone` the views' zone, writing only when it is not already; a warehouse that holds it
    /// already is only read, so a report from a read-only warehouse still works.
    public static func use(_ zone: TimeZone, in warehouse: Warehouse) throws {
        guard try !warehouse.pool.read({ try isInstalled(zone, in: $0) }) else { return }
        try warehouse.pool.write { try install(zone, in: $0) }
    }

    /// Writes `zone`'s offsets and makes it the views' zone: the stored views are computed again in it.
    public static func install(_ zone: TimeZone, in db: Database) throws {
        try db.execute(sql: "DELETE FROM zone_offset")
        let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO zone_offset (valid_from, offset_seconds) VALUES (?, ?)")
        try insert.execute(arguments: ["0000-01-01T00:00:00Z", zone.secondsFromGMT(for: span.from)])
        var instant = span.from
        while let next = zone.nextDaylightSavingTimeTransition(after: instant), next < span.to, next > instant {
            try insert.execute(arguments: [Timestamp.utc(fromEpoch: next.timeIntervalSince1970), zone.secondsFromGMT(for: next)])
            instant = next
        }
        try WarehouseSetting.set(.reportZone, to: zone.identifier, in: db)
        try ReportingViews.refresh(in: db)
    }
}
