/// The names stages go by in the results (and, lower-cased with `_`, in the summary lines).
enum StageName {
    static let extractKonnector = "extract konnector"
    static let extractWeConnect = "extract weconnect"
    static let landWeConnect = "land weconnect in-process"
    static let extractOthers = "extract welink+linkedapi"
    static let transformKonnector = "transform konnector alone"
    static let transformWeConnect = "transform weconnect alone"
    static let transformRebuild = "transform --rebuild"
    static let sqliteCSV = "baseline sqlite3 -csv"
    static let xlsxBaseline = "baseline libxlsxwriter"
    static let insertBaseline = "baseline C API insert"
    static let rerunTransform = "rerun transform"
    static let publish = "publish postgres"
    static let rerunPublish = "rerun publish postgres"
    static let psqlCopy = "baseline psql \\copy"

    static func view(_ name: String) -> String { "view \(name)" }
    static func report(_ format: String) -> String { "report \(format)" }
    static func rerun(_ extract: String) -> String { "rerun \(extract)" }

    /// `transform --rebuild` as `transform_rebuild`: the summary line's spelling.
    static func slug(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty, out.last != "_" {
                out.append("_")
            }
        }
        return out.hasSuffix("_") ? String(out.dropLast()) : out
    }
}
