import CXLSXWriter

/// One native Excel chart of an open `XLSXWorkbook`; its series reference cells of a sheet of the same workbook.
struct XLSXChart {
    let workbook: XLSXWorkbook
    let pointer: UnsafeMutablePointer<lxw_chart>

    /// A cell block of a sheet: rows and columns are 0-based and inclusive.
    struct Range {
        var sheet: String
        var firstRow: Int, firstColumn: Int
        var lastRow: Int, lastColumn: Int

        /// One column from `firstRow` to `lastRow`.
        init(sheet: String, column: Int, rows: ClosedRange<Int>) {
            self.sheet = sheet
            firstRow = rows.lowerBound
            lastRow = rows.upperBound
            firstColumn = column
            lastColumn = column
        }
    }

    func setTitle(_ title: String) throws {
        _ = try workbook.open("title chart")
        chart_title_set_name(pointer, title)
    }

    /// Names the category (x) and value (y) axes.
    func setAxisTitles(x: String, y: String) throws {
        _ = try workbook.open("name chart axes")
        chart_axis_set_name(pointer.pointee.x_axis, x)
        chart_axis_set_name(pointer.pointee.y_axis, y)
    }

    /// The number format of the value axis labels, such as `0%`.
    func setValueFormat(_ format: String) throws {
        _ = try workbook.open("format chart axis")
        chart_axis_set_num_format(pointer.pointee.y_axis, format)
    }

    /// The number format of the category axis labels, such as `yyyy-mm-dd`.
    func setCategoryFormat(_ format: String) throws {
        _ = try workbook.open("format chart axis")
        chart_axis_set_num_format(pointer.pointee.x_axis, format)
    }

    /// Fixes the value axis to `range`.
    func setValueBounds(_ range: ClosedRange<Double>) throws {
        _ = try workbook.open("bound chart axis")
        chart_axis_set_min(pointer.pointee.y_axis, range.lowerBound)
        chart_axis_set_max(pointer.pointee.y_axis, range.upperBound)
    }

    func setLegend(_ position: lxw_chart_legend_position) throws {
        _ = try workbook.open("place chart legend")
        chart_legend_set_position(pointer, UInt8(position.rawValue))
    }

    /// Adds a series of `values` over `categories`, named by the text of the cell `nameCell` (row, column).
    func addSeries(categories: Range, values: Range, nameCell: (row: Int, column: Int)) throws {
        _ = try workbook.open("add chart series")
        guard let series = chart_add_series(pointer, nil, nil) else {
            throw ReportError.xlsx(path: workbook.path, operation: "add chart series", message: "libxlsxwriter refused the series")
        }
        chart_series_set_categories(
            series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
            lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        chart_series_set_values(
            series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
            lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        chart_series_set_name_range(series, values.sheet, lxw_row_t(nameCell.row), lxw_col_t(nameCell.column))
    }
}
