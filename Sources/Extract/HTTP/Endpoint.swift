/// One vendor endpoint as a value: its name in the vendor's document, its method and its path.
public struct Endpoint: Sendable, Hashable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    /// The name raw pages are filed under (the path without its slash).
    public let name: String
    public let method: Method
    public let path: String

    public init(_ method: Method, _ path: String) {
        self.method = method
        self.path = path
        self.name = path.hasPrefix("/") ? String(path.dropFirst()) : path
    }
}
