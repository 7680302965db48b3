import Foundation

/// A request body read as a JSON object, with the typed reads the endpoints need; every malformed
/// field is a 400 `INVALID_REQUEST` naming it. Strings are trimmed; an empty string or `null` is a
/// missing field.
struct WeLinkInput: Sendable {
    private let members: [String: JSONValue]

    /// The body's members; 400 when the body is not a JSON object.
    init(body: Data) throws(WeLinkError) {
        guard let members = JSONValue.decode(body)?.objectValue else {
            throw .invalid("The request body must be a JSON object")
        }
        self.members = members
    }

    /// A string field; nil when missing (400 when `required`), 400 when not a string.
    func string(_ name: String, required: Bool) throws(WeLinkError) -> String? {
        switch members[name] {
        case nil, .null?:
            if required { throw .invalid("\(name) is required") }
            return nil
        case .string(let text)?:
            let trimmed = text.trimming(.whitespacesAndNewlines)
            if trimmed.isEmpty, required { throw .invalid("\(name) is required") }
            return trimmed.isEmpty ? nil : trimmed
        default:
            throw .invalid("\(name) must be a string")
        }
    }

    /// `accountId`: a string, or a whole JSON number (taken as its decimal digits).
    func accountID() throws(WeLinkError) -> String {
        switch members["accountId"] {
        case .int(let number)?:
            return String(number)
        case .double(let number)? where number == number.rounded() && abs(number) < 1e15:
            return String(Int(number))
        default:
            guard let text = try string("accountId", required: true) else { throw .invalid("accountId is required") }
            return text
        }
    }

    /// A whole number in `range` (a JSON number or a string of digits), `fallback` when missing.
    func integer(_ name: String, in range: ClosedRange<Int>, fallback: Int) throws(WeLinkError) -> Int {
        let problem = WeLinkError.invalid("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
        let number: Int
        switch members[name] {
        case nil, .null?:
            return fallback
        case .int(let value)?:
            number = value
        case .double(let value)? where value == value.rounded() && abs(value) < 1e15:
            number = Int(value)
        case .string(let text)?:
            guard let value = Int(text.trimming(.whitespaces)) else { throw problem }
            number = value
        default:
            throw problem
        }
        guard range.contains(number) else { throw problem }
        return number
    }
}
