import CXLSXWriter
import Foundation
import GRDBSQLite

/// The XLSX report's reference: bare libxlsxwriter writing the cells of the same views (a header
/// row, then every row as `SELECT *` gives it: numbers as numbers, text as strings, NULL left
/// blank) into one workbook in constant-memory mode, a sheet per view continued past Excel's
/// 1,048,576 rows, with no formats, widths, tables or charts.
enum XLSXBaseline {
    /// Data rows per sheet: Excel's rows less the header.
    static let rowsPerSheet = 1_048_575

    /// Writes the workbook and returns the cells written.
    static func write(database: String, views: [String], to path: String) throws -> Int {
        let file = try SQLiteFile(path: database)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw ChildProcess.Failure(description: "libxlsxwriter cannot create \(path)")
        }
        var cells = 0
        var sheet: UnsafeMutablePointer<lxw_worksheet>?
        for view in views {
            var part = 0
            var row: UInt32 = 0
            var header: [String] = []
            func newSheet() throws {
                part += 1
                let name = String(view.prefix(26)) + (part == 1 ? "" : " (\(part))")
                guard let added = workbook_add_worksheet(workbook, name) else {
                    throw ChildProcess.Failure(description: "libxlsxwriter cannot add the sheet \(name)")
                }
                sheet = added
                for (column, title) in header.enumerated() {
                    worksheet_write_string(added, 0, lxw_col_t(column), title, nil)
                }
                row = 1
            }
            try file.forEachRow(SQLiteFile.selectAll(view)) { statement in
                let columns = sqlite3_column_count(statement)
                if part == 0 {
                    header = (0..<columns).map { String(cString: sqlite3_column_name(statement, $0)) }
                    try newSheet()
                } else if row > rowsPerSheet {
                    try newSheet()
                }
                for column in 0..<columns {
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER, SQLITE_FLOAT:
                        worksheet_write_number(sheet, row, lxw_col_t(column), sqlite3_column_double(statement, column), nil)
                    case SQLITE_NULL:
                        continue
                    default:
                        if let text = sqlite3_column_text(statement, column) {
                            text.withMemoryRebound(to: CChar.self, capacity: 1) { pointer in
                                _ = worksheet_write_string(sheet, row, lxw_col_t(column), pointer, nil)
                            }
                        }
                    }
                    cells += 1
                }
                row += 1
            }
            if part == 0 {
                // An empty view still gets its sheet, as in the report.
                try newSheet()
            }
        }
        let closed = workbook_close(workbook)
        guard closed == LXW_NO_ERROR else {
            throw ChildProcess.Failure(description: "libxlsxwriter cannot write \(path): \(String(cString: lxw_strerror(closed)))")
        }
        return cells
    }
}
