import CXLSXWriter
import Foundation

/// Owns one libxlsxwriter workbook handle, closes it exactly once and turns `lxw_error` into `ReportError`.
///
/// Constant-memory mode is chosen per sheet, not per workbook. libxlsxwriter 1.1.4 only offers it per workbook
/// (`lxw_workbook_options.constant_memory`), but it reads that option once, when a worksheet is added, and copies it
/// into the sheet (`lxw_worksheet.optimize`); everything that depends on it is per sheet (where the rows go, inline
/// strings, chart caches, the refusal of tables). So `addSheet` sets the option for the one sheet it adds and checks
/// the sheet really got the mode asked for: small sheets keep Excel tables, big ones stream their rows to disk.
final class XLSXWorkbook {
    let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?

    /// Starts a workbook that is written to `path` on `close()`.
    init(path: String) throws {
        self.path = path
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            throw ReportError.xlsx(path: path, operation: "create", message: "libxlsxwriter could not start the workbook")
        }
        self.handle = handle
    }

    deinit {
        // Only reached when close() was not: free the handle; the caller reports the error that got us here.
        if let handle { _ = workbook_close(handle) }
    }

    /// Sets the title, subject, creator and creation time shown in the document properties.
    func setProperties(title: String, subject: String, creator: String, created: Date) throws {
        let book = try open("set properties")
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        let result = title.withCString { title in
            subject.withCString { subject in
                creator.withCString { creator in
                    properties.title = UnsafeMutablePointer(mutating: title)
                    properties.subject = UnsafeMutablePointer(mutating: subject)
                    properties.author = UnsafeMutablePointer(mutating: creator)
                    return workbook_set_properties(book, &properties)
                }
            }
        }
        try check(result, "set properties")
    }

    /// Adds a worksheet named `name` after the existing ones. A `constantMemory` sheet keeps only the row being written
    /// in memory: its rows must be written in order, and it cannot hold an Excel table.
    func addSheet(named name: String, constantMemory: Bool = false) throws -> XLSXSheet {
        let book = try open("add sheet \(name)")
        try check(workbook_validate_sheet_name(book, name), "add sheet \(name)")
        book.pointee.options.constant_memory = constantMemory ? 1 : 0
        let added = workbook_add_worksheet(book, name)
        book.pointee.options.constant_memory = 0
        guard let sheet = added else {
            throw ReportError.xlsx(path: path, operation: "add sheet \(name)", message: "libxlsxwriter refused the sheet")
        }
        guard (sheet.pointee.optimize != 0) == constantMemory else {
            throw ReportError.xlsx(
                path: path, operation: "add sheet \(name)",
                message: "libxlsxwriter did not honour constant_memory=\(constantMemory) for one sheet")
        }
        return XLSXSheet(workbook: self, name: name, pointer: sheet)
    }

    /// Adds a chart of `type` (such as `LXW_CHART_LINE`); the workbook owns it until a sheet inserts it.
    func addChart(_ type: lxw_chart_type) throws -> XLSXChart {
        guard let chart = workbook_add_chart(try open("add chart"), UInt8(type.rawValue)) else {
            throw ReportError.xlsx(path: path, operation: "add chart", message: "libxlsxwriter could not allocate a chart")
        }
        return XLSXChart(workbook: self, pointer: chart)
    }

    /// Adds a cell format configured by `configure`; the workbook owns it.
    func addFormat(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws -> UnsafeMutablePointer<lxw_format> {
        guard let format = workbook_add_format(try open("add format")) else {
            throw ReportError.xlsx(path: path, operation: "add format", message: "libxlsxwriter could not allocate a format")
        }
        configure(format)
        return format
    }

    /// Assembles and writes the file, then frees the handle; later calls fail.
    func close() throws {
        let book = try open("close")
        handle = nil
        try check(workbook_close(book), "close")
    }

    /// The live handle, or an error once the workbook is closed. `operation` is only spelled out for an error: this
    /// runs for every cell.
    func open(_ operation: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw ReportError.xlsx(path: path, operation: operation(), message: "the workbook is already closed")
        }
        return handle
    }

    /// Throws unless `result` is `LXW_NO_ERROR`.
    func check(_ result: lxw_error, _ operation: @autoclosure () -> String) throws {
        guard result != LXW_NO_ERROR else { return }
        let message = lxw_strerror(result).map { String(cString: $0) } ?? "error \(result.rawValue)"
        throw ReportError.xlsx(path: path, operation: operation(), message: message)
    }
}
