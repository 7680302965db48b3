import CXLSXWriter

/// The cell formats a report workbook uses, created once per workbook.
struct XLSXStyles {
    let header: UnsafeMutablePointer<lxw_format>
    let rate: UnsafeMutablePointer<lxw_format>
    let date: UnsafeMutablePointer<lxw_format>
    let timestamp: UnsafeMutablePointer<lxw_format>
    let minutes: UnsafeMutablePointer<lxw_format>

    init(workbook: XLSXWorkbook) throws {
        header = try workbook.addFormat { format_set_bold($0) }
        rate = try workbook.addFormat { format_set_num_format($0, "0.0%") }
        date = try workbook.addFormat { format_set_num_format($0, "yyyy-mm-dd") }
        timestamp = try workbook.addFormat { format_set_num_format($0, "yyyy-mm-dd hh:mm:ss") }
        minutes = try workbook.addFormat { format_set_num_format($0, "0.0") }
    }

    /// The format of a number in a column of `kind`: percentages for rates, one decimal for minutes, else none.
    func number(_ kind: ColumnKind) -> UnsafeMutablePointer<lxw_format>? {
        switch kind {
        case .rate: rate
        case .minutes: minutes
        case .text, .count, .date, .timestamp: nil
        }
    }
}
