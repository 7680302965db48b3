/// A configuration file that cannot be used; the CLI exits 2 on it.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The file, when the configuration came from one.
    public let file: String?
    public let message: String

    public init(file: String?, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { file.map { "\($0): \(message)" } ?? message }
}
