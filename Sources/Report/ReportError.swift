/// The one error type of the Report module: what failed, where, and why, in one sentence.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A reporting view could not be read from the warehouse.
    case query(view: String, message: String)
    /// libxlsxwriter refused an operation on the workbook.
    case xlsx(path: String, operation: String, message: String)
    /// A report file or folder could not be written.
    case file(path: String, message: String)

    public var description: String {
        switch self {
        case let .query(view, message):
            "Could not read reporting view \(view) from the warehouse: \(message)."
        case let .xlsx(path, operation, message):
            "Could not write the workbook \(path) (\(operation)): \(message)."
        case let .file(path, message):
            "Could not write the report file \(path): \(message)."
        }
    }

    /// Report failures come from the data or the disk; retrying the same run does not help.
    public var isTransient: Bool { false }
}
