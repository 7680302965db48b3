import CXLSXWriter
import Foundation

/// What a sheet holds besides cells: an Excel table, conditional formats and charts.
extension XLSXSheet {
    /// Whether the sheet streams its rows to disk (libxlsxwriter's constant-memory mode): rows must come in order
    /// and the sheet cannot hold a table.
    var isConstantMemory: Bool { pointer.pointee.optimize != 0 }

    /// Makes rows `0...lastRow` and columns `0..<headers.count` an Excel table named `name`, in the medium table style,
    /// whose first row is the header `headers` in `headerFormat`. The table carries its own autofilter, so the sheet
    /// must not also have one. A table needs one row under its header: an empty view gets one blank row.
    func addTable(named name: String, headers: [String], lastRow: Int, headerFormat: UnsafeMutablePointer<lxw_format>?) throws {
        guard !headers.isEmpty else { return }
        let (row, column) = try cell(max(lastRow, 1), headers.count - 1)
        let names = headers.map { strdup($0) }
        defer { names.forEach { free($0) } }
        var columns = names.map { name in
            var column = lxw_table_column()
            column.header = name
            column.header_format = headerFormat
            return column
        }
        let tableName = strdup(name)
        defer { free(tableName) }
        let result = columns.withUnsafeMutableBufferPointer { columns -> lxw_error in
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<columns.count).map { columns.baseAddress! + $0 }
            pointers.append(nil)
            return pointers.withUnsafeMutableBufferPointer { pointers in
                var options = lxw_table_options()
                options.name = tableName
                options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
                options.style_type_number = 9
                options.columns = pointers.baseAddress
                return worksheet_add_table(pointer, 0, 0, row, column, &options)
            }
        }
        try workbook.check(result, "add table \(name) to \(self.name)")
    }

    /// Draws data bars over `rows` of `column`, scaled from 0 to 1 so a bar's length is the rate it shows.
    func addRateBars(column: Int, rows: ClosedRange<Int>) throws {
        let (first, columnIndex) = try cell(rows.lowerBound, column)
        let (last, _) = try cell(rows.upperBound, column)
        var format = lxw_conditional_format()
        format.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
        format.min_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
        format.min_value = 0
        format.max_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
        format.max_value = 1
        format.bar_color = 0x63BE7B
        format.bar_solid = 1
        try workbook.check(
            worksheet_conditional_format_range(pointer, first, columnIndex, last, columnIndex, &format),
            "add data bars to \(name)")
    }

    /// Places `chart` with its top left corner in cell (`row`, `column`), moved right by `xOffset` pixels.
    func insert(_ chart: XLSXChart, row: Int, column: Int, xOffset: Int = 0) throws {
        let (row, column) = try cell(row, column)
        var options = lxw_chart_options()
        options.x_offset = Int32(xOffset)
        options.x_scale = 1
        options.y_scale = 1
        try workbook.check(worksheet_insert_chart_opt(pointer, row, column, chart.pointer, &options), "insert chart in \(name)")
    }
}
