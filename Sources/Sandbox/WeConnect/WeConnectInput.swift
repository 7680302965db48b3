import Foundation

/// A request's input the way Laravel's `$request->input()` sees it: the query string merged with
/// the body, the body winning. The body is read as JSON when the Content-Type says JSON or it looks
/// like a JSON object, as a form when it says `application/x-www-form-urlencoded`; a malformed body
/// is no input at all (so validation reports the fields as missing, as Laravel does). Strings are
/// trimmed and empty ones become null (Laravel's TrimStrings / ConvertEmptyStringsToNull
/// middleware), except fields named like a password, which are never trimmed.
struct WeConnectInput: Sendable {
    private var values: [String: JSONValue] = [:]

    init(values: [String: JSONValue]) {
        for (name, value) in values {
            self.values[name] = Self.normalised(name, value)
        }
    }

    init(_ request: SandboxHTTPRequest) {
        var merged: [String: JSONValue] = [:]
        for (name, value) in request.query {
            merged[name] = .string(value)
        }
        let contentType = request.header("Content-Type")?.lowercased() ?? ""
        if contentType.contains("application/x-www-form-urlencoded") {
            let text = String(decoding: request.body, as: UTF8.self)
            for (name, value) in QueryString.parse(text) {
                merged[name] = .string(value)
            }
        } else if contentType.contains("json") || request.body.first(where: { ![9, 10, 13, 32].contains($0) }) == 123,
                  let members = JSONValue.decode(request.body)?.objectValue {
            merged.merge(members) { _, body in body }
        }
        self.init(values: merged)
    }

    /// The value of `name`; nil when absent or null.
    subscript(_ name: String) -> JSONValue? {
        guard let value = values[name], value != .null else { return nil }
        return value
    }

    private static func normalised(_ name: String, _ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            let keep = name.lowercased().contains("password")
            let trimmed = keep ? text : text.trimming(.whitespacesAndNewlines)
            return trimmed.isEmpty ? .null : .string(trimmed)
        case .array(let elements):
            return .array(elements.map { normalised(name, $0) })
        default:
            return value
        }
    }
}
