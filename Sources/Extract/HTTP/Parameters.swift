import Foundation

/// A request's parameters: sent as the query of a GET or the JSON body of a POST, and recorded
/// with the raw page so a page can be read back without the request that fetched it.
public struct Parameters: Sendable, Equatable {
    /// One parameter's value.
    public enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case strings([String])

        var json: Any {
            switch self {
            case .string(let value): value
            case .integer(let value): value
            case .strings(let values): values
            }
        }
    }

    public var values: [String: Value]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    public subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Canonical JSON (sorted keys), identical for identical parameters.
    public var canonicalJSON: String {
        let object = values.mapValues(\.json)
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The parameters as a JSON request body.
    public var jsonBody: Data { Data(canonicalJSON.utf8) }

    /// The parameters as query items, sorted by name; an array repeats its key.
    public var queryItems: [URLQueryItem] {
        values.keys.sorted().flatMap { key -> [URLQueryItem] in
            switch values[key] {
            case .string(let value): [URLQueryItem(name: key, value: value)]
            case .integer(let value): [URLQueryItem(name: key, value: String(value))]
            case .strings(let list): list.map { URLQueryItem(name: key, value: $0) }
            case nil: []
            }
        }
    }
}
