/// One vendor endpoint as a value: its name, its method, its path and how its parameters travel.
public struct Endpoint: Sendable, Hashable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    /// How a POST carries its parameters: as a JSON object, a form, or one parameter's value
    /// alone as the JSON body (an array).
    public enum Body: Sendable, Hashable { case json, form, jsonValue(of: String) }

    /// The name raw pages are filed under.
    public let name: String
    public let method: Method
    /// The path below the source's base URL; `{name}` segments are filled from the parameters.
    public let path: String
    public let body: Body

    public init(_ method: Method, _ path: String, name: String? = nil, body: Body = .json) {
        self.method = method
        self.path = path
        self.body = body
        self.name = name ?? (path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// The names of the `{name}` segments of the path.
    public var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}
