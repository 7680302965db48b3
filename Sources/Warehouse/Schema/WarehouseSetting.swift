import GRDB

/// A named value the warehouse keeps about how its contents were made (`warehouse_setting`).
public enum WarehouseSetting: String, Sendable {
    /// The version of the reply rules every stored message was classed with.
    case replyRulesVersion = "reply_rules_version"
    /// The version of the normalisers the star schema was loaded by (`Transformer.loadVersion`).
    case loadVersion = "load_version"
    /// The IANA zone the reporting views give local weekdays and hours in; `zone_offset` holds its offsets.
    case reportZone = "report_zone"

    public static func value(of setting: WarehouseSetting, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM warehouse_setting WHERE key = ?", arguments: [setting.rawValue])
    }

    public static func set(_ setting: WarehouseSetting, to value: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO warehouse_setting (key, value) VALUES (?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value
            """, arguments: [setting.rawValue, value])
    }
}
