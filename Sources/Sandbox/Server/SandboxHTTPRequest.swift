import Foundation

/// A received request, reduced to what the vendor emulators need: method, path, decoded query,
/// headers (lower-cased names) and the whole body.
struct SandboxHTTPRequest: Sendable {
    /// Upper-case method, e.g. `GET`.
    let method: String
    /// The path as received, without the query string.
    let path: String
    /// The form-decoded query pairs, in order.
    let query: [(name: String, value: String)]
    /// Header values by lower-cased name (all values of a repeated header, in order).
    let headers: [String: [String]]
    let body: Data

    /// The first value of the header `name` (any case), trimmed; nil when absent or blank.
    func header(_ name: String) -> String? {
        guard let value = headers[name.lowercased()]?.first?.trimming(.whitespaces),
              !value.isEmpty else { return nil }
        return value
    }
}
