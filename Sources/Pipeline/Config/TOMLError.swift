/// A problem found while parsing TOML text, located by 1-based line and column.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line on which the problem was found.
    public let line: Int
    /// The 1-based column (in Unicode scalars) at which the problem was found.
    public let column: Int
    /// What went wrong, without the location, e.g. "duplicate key 'name'".
    public let message: String

    /// Creates an error at the given 1-based position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// One sentence with the line number, e.g. "line 7: expected a value after '=' but found 'x'".
    public var description: String { "line \(line): \(message)" }
}
