import Foundation

/// A request's parameters: sent as the query of a GET or the JSON body of a POST, and recorded
/// with the raw page so a page can be read back without the request that fetched it.
public struct Parameters: Sendable, Equatable {
    /// One parameter's value.
    public enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case strings([String])
        /// Sent as is, recorded as `[redacted]`.
        case secret(String)
        /// A list of flat objects (Linked API's conversations poll takes its body as one).
        case objects([[String: String]])

        func json(revealingSecrets: Bool) -> Any {
            switch self {
            case .string(let value): value
            case .integer(let value): value
            case .strings(let values): values
            case .secret(let value): revealingSecrets ? value : "[redacted]"
            case .objects(let values): values
            }
        }
    }

    public var values: [String: Value]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    public subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Canonical JSON (sorted keys), identical for identical parameters, secrets redacted: what
    /// the raw landing table records.
    public var canonicalJSON: String { json(revealingSecrets: false) }

    /// The parameters as a JSON request body, secrets included.
    public var jsonBody: Data { Data(json(revealingSecrets: true).utf8) }

    /// The value of one parameter alone as the JSON request body (an array body).
    func jsonBody(of name: String) -> Data {
        let value = values[name]?.json(revealingSecrets: true) ?? [Any]()
        return (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
    }

    private func json(revealingSecrets: Bool) -> String {
        let object = values.mapValues { $0.json(revealingSecrets: revealingSecrets) }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The parameters as an `application/x-www-form-urlencoded` body, secrets included.
    public var formBody: Data {
        Data(queryItems.map { "\(FetchSession.encode($0.name))=\(FetchSession.encode($0.value ?? ""))" }
            .joined(separator: "&").utf8)
    }

    /// The parameters as query items, sorted by name; an array repeats its key.
    public var queryItems: [URLQueryItem] {
        values.keys.sorted().flatMap { key -> [URLQueryItem] in
            switch values[key] {
            case .string(let value), .secret(let value): [URLQueryItem(name: key, value: value)]
            case .integer(let value): [URLQueryItem(name: key, value: String(value))]
            case .strings(let list): list.map { URLQueryItem(name: key, value: $0) }
            case .objects, nil: []
            }
        }
    }
}
