import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A written workbook opened for the tests: its parts as text and its sheets' cells and styles parsed.
struct XLSXPackage {
    let archive: Archive

    init(url: URL) throws {
        archive = try Archive(url: url, accessMode: .read)
    }

    /// The text of the part at `path` inside the zip, or nil when it is absent.
    func part(_ path: String) throws -> String? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The sheet names listed in xl/workbook.xml, in order.
    func sheetNames() throws -> [String] {
        let document = try XMLTree(try part("xl/workbook.xml") ?? "")
        return document.elements(named: "sheet").compactMap { $0.attributes["name"] }
    }

    /// The cells of the n-th sheet (1-based), by reference such as "B2".
    func cells(ofSheet number: Int) throws -> [String: XMLTree.Element] {
        let document = try XMLTree(try part("xl/worksheets/sheet\(number).xml") ?? "")
        var cells: [String: XMLTree.Element] = [:]
        for cell in document.elements(named: "c") {
            if let reference = cell.attributes["r"] { cells[reference] = cell }
        }
        return cells
    }

    /// The number format code and boldness of cell style `index` (the `s` attribute of a cell).
    func style(_ index: Int) throws -> (format: String?, bold: Bool) {
        let styles = try XMLTree(try part("xl/styles.xml") ?? "")
        var codes: [String: String] = [:]
        for format in styles.elements(named: "numFmt") {
            if let id = format.attributes["numFmtId"] { codes[id] = format.attributes["formatCode"] }
        }
        let fonts = styles.elements(named: "fonts").first?.children.filter { $0.name == "font" } ?? []
        let xfs = styles.elements(named: "cellXfs").first?.children.filter { $0.name == "xf" } ?? []
        guard xfs.indices.contains(index) else { return (nil, false) }
        let xf = xfs[index]
        let font = Int(xf.attributes["fontId"] ?? "").flatMap { fonts.indices.contains($0) ? fonts[$0] : nil }
        let bold = font?.children.contains { $0.name == "b" } ?? false
        return (xf.attributes["numFmtId"].flatMap { codes[$0] }, bold)
    }
}
