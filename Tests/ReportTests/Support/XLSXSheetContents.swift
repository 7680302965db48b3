import Foundation
@testable import Report

/// One sheet of a written workbook read back whole: every cell as a number (with its number format) or a string,
/// whether the string is shared or inline, and the parts the sheet links to (table, drawing).
struct XLSXSheetContents {
    /// What a cell holds as Excel will read it.
    enum Value: Equatable, CustomStringConvertible {
        case number(Double, format: String?)
        case text(String)

        var description: String {
            switch self {
            case let .number(value, format): "\(value) [\(format ?? "General")]"
            case let .text(text): "\"\(text)\""
            }
        }
    }

    let name: String
    let path: String
    let xml: XMLTree
    let values: [String: Value]
    let kinds: [String: String?]

    /// The sheet called `name` in `package`.
    init(_ package: XLSXPackage, sheet name: String) throws {
        let workbook = try XMLTree(try package.part("xl/workbook.xml") ?? "")
        guard let sheet = workbook.elements(named: "sheet").first(where: { $0.attributes["name"] == name }),
              let id = sheet.attributes["r:id"],
              let target = try package.relationships(of: "xl/workbook.xml")[id]
        else { throw Missing(description: "no sheet named \(name)") }
        try self.init(package, name: name, path: "xl/" + target)
    }

    private init(_ package: XLSXPackage, name: String, path: String) throws {
        self.name = name
        self.path = path
        xml = try XMLTree(try package.part(path) ?? "")
        let shared = try XMLTree(try package.part("xl/sharedStrings.xml") ?? "<sst/>").elements(named: "si").map(\.text)
        let styles = try XMLTree(try package.part("xl/styles.xml") ?? "")
        var codes: [String: String] = [:]
        for format in styles.elements(named: "numFmt") {
            if let id = format.attributes["numFmtId"] { codes[id] = format.attributes["formatCode"] }
        }
        let xfs = styles.elements(named: "cellXfs").first?.children.filter { $0.name == "xf" } ?? []
        let formats = xfs.map { $0.attributes["numFmtId"].flatMap { codes[$0] } }
        var values: [String: Value] = [:]
        var kinds: [String: String?] = [:]
        for cell in xml.elements(named: "c") {
            guard let reference = cell.attributes["r"] else { continue }
            let v = cell.children.first { $0.name == "v" }?.text
            kinds[reference] = cell.attributes["t"]
            switch cell.attributes["t"] {
            case "inlineStr"?:
                values[reference] = .text(cell.text)
            case "s"?:
                values[reference] = Int(v ?? "").map { .text(shared[$0]) }
            case "str"?:
                values[reference] = .text(v ?? "")
            default:
                let style = Int(cell.attributes["s"] ?? "0") ?? 0
                values[reference] = Double(v ?? "").map {
                    .number($0, format: formats.indices.contains(style) ? formats[style] : nil)
                }
            }
        }
        self.values = values
        self.kinds = kinds
    }

    /// The parts this sheet links to (tables, drawings), as package paths.
    func linkedParts(in package: XLSXPackage) throws -> [String] {
        let folder = path.split(separator: "/").dropLast()
        return try package.relationships(of: path).values.sorted().map { target in
            var parts = Array(folder)
            for part in target.split(separator: "/") {
                if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
            }
            return parts.joined(separator: "/")
        }
    }

    /// The number of rows holding at least one cell.
    var rowCount: Int {
        Set(values.keys.map { $0.drop { $0.isLetter } }).count
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }
}

extension XLSXPackage {
    /// The relationships of the part at `path`: id to target, as written (relative to the part's folder).
    func relationships(of path: String) throws -> [String: String] {
        let folder = (path as NSString).deletingLastPathComponent
        let file = (path as NSString).lastPathComponent
        guard let text = try part("\(folder)/_rels/\(file).rels") else { return [:] }
        var result: [String: String] = [:]
        for relationship in try XMLTree(text).elements(named: "Relationship") {
            if let id = relationship.attributes["Id"], let target = relationship.attributes["Target"] {
                result[id] = target
            }
        }
        return result
    }
}

/// What a workbook cell must hold for a view value: the same conversions the renderer promises.
enum XLSXExpected {
    /// Excel's letters for 0-based column `index`: A, B, … Z, AA…
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    /// The cell value for `value` in a column of `kind`, or nil when the cell must be blank.
    static func value(_ value: CellValue, kind: ColumnKind) -> XLSXSheetContents.Value? {
        switch (value, kind) {
        case (.null, _):
            return nil
        case let (.text(text), .date):
            guard let date = ISODateTime(date: text) else { return .text(text) }
            return .number(Double(date.dayNumber + 25_569), format: "yyyy-mm-dd")
        case let (.text(text), .timestamp):
            guard let stamp = ISODateTime(timestamp: text) else { return .text(text) }
            let seconds = Double(stamp.hour * 3600 + stamp.minute * 60) + stamp.second
            return .number(Double(stamp.dayNumber + 25_569) + seconds / 86_400, format: "yyyy-mm-dd hh:mm:ss")
        case let (.text(text), _):
            return .text(text)
        case (.integer, .text), (.real, .text):
            return .text(value.plainText)
        case (.integer, _), (.real, _):
            let format: String? = switch kind {
            case .rate: "0.0%"
            case .minutes: "0.0"
            default: nil
            }
            return value.number.map { .number($0, format: format) }
        }
    }

    /// The cells a block of `rows` under a `columns` header must fill, the header at `headerRow` (1-based) and
    /// the block starting at column `firstColumn` (0-based).
    static func cells(
        columns: [ReportColumn], rows: some Collection<[CellValue]>, headerRow: Int = 1, firstColumn: Int = 0
    ) -> [String: XLSXSheetContents.Value] {
        var cells: [String: XLSXSheetContents.Value] = [:]
        for (index, header) in columns.enumerated() {
            cells["\(column(firstColumn + index))\(headerRow)"] = .text(header.name)
        }
        for (offset, row) in rows.enumerated() {
            for (index, (value, header)) in zip(row, columns).enumerated() {
                cells["\(column(firstColumn + index))\(headerRow + 1 + offset)"] = self.value(value, kind: header.kind)
            }
        }
        return cells
    }

    /// Whether two cell values agree, numbers within 1e-9 (a date within a tenth of a millisecond).
    static func same(_ a: XLSXSheetContents.Value?, _ b: XLSXSheetContents.Value?) -> Bool {
        switch (a, b) {
        case let (.number(x, f)?, .number(y, g)?): abs(x - y) <= 1e-9 && f == g
        default: a == b
        }
    }
}
