import Chronology
import Foundation

/// The parameters of one Konnector request, from the query string (GET) or the JSON body (POST,
/// with query parameters as a fallback), read with the types the document gives them.
///
/// Query names of the form `name[]` or `name[0]` count as `name`. Arrays may be sent as repeated
/// names, bracketed names or one comma-separated value (ids are base64, which has no commas).
struct KonnectorParameters: Sendable {
    private var values: [String: [JSONValue]] = [:]

    /// Parameters from the query string only.
    init(query: [(name: String, value: String)]) {
        for (name, value) in query {
            values[Self.baseName(name), default: []].append(.string(value))
        }
    }

    /// Parameters from a POST: the JSON object body wins over query parameters of the same name.
    /// An empty body means no body parameters; anything but a JSON object is a 400.
    init(query: [(name: String, value: String)], body: [UInt8]) throws(KonnectorError) {
        self.init(query: query)
        let blank = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard !blank else { return }
        guard let members = JSONValue.decode(Data(body))?.objectValue else {
            throw .invalidRequest("The request body must be a JSON object")
        }
        for (name, value) in members {
            values[name] = [value]
        }
    }

    /// Whether the parameter was sent at all (even empty).
    func has(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The last value as text; nil when absent, JSON null or empty.
    func string(_ name: String) throws(KonnectorError) -> String? {
        guard let value = values[name]?.last else { return nil }
        let text: String
        switch value {
        case .null: return nil
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .double(let number): text = String(number)
        case .bool(let flag): text = flag ? "true" : "false"
        case .array, .object: throw .invalidRequest("\(name) must be a string")
        }
        let trimmed = text.trimming(.whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The last value as a whole number; nil when absent; 400 when not an integer.
    func int(_ name: String) throws(KonnectorError) -> Int? {
        guard let value = values[name]?.last else { return nil }
        switch value {
        case .null:
            return nil
        case .int(let number):
            return number
        case .double(let number) where number.rounded() == number && abs(number) < 1e15:
            return Int(number)
        case .string(let text):
            let trimmed = text.trimming(.whitespaces)
            if trimmed.isEmpty { return nil }
            if let number = Int(trimmed) { return number }
            throw .invalidRequest("\(name) must be an integer")
        default:
            throw .invalidRequest("\(name) must be an integer")
        }
    }

    /// All values as a list of strings (arrays flattened, comma-separated text split, blanks
    /// dropped); empty when absent.
    func strings(_ name: String) throws(KonnectorError) -> [String] {
        var result: [String] = []
        func add(_ value: JSONValue) throws(KonnectorError) {
            switch value {
            case .null: break
            case .string(let text):
                result += text.split(separator: ",").map { $0.trimming(.whitespaces) }
                    .filter { !$0.isEmpty }
            case .int(let number): result.append(String(number))
            case .array(let elements):
                for element in elements {
                    if case .array = element { throw .invalidRequest("\(name) must be an array of strings") }
                    try add(element)
                }
            default: throw .invalidRequest("\(name) must be an array of strings")
            }
        }
        for value in values[name] ?? [] {
            try add(value)
        }
        return result
    }

    /// An optional `YYYY-MM-DD` date; 400 when present but malformed or not a real day.
    func date(_ name: String) throws(KonnectorError) -> CivilDate? {
        guard let text = try string(name) else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw .invalidRequest("\(name) must be a valid date in YYYY-MM-DD format")
        }
        return date
    }

    /// `start_date` and `end_date` (inclusive); `INVALID_DATE_RANGE` when end < start.
    func dateRange() throws(KonnectorError) -> (start: CivilDate?, end: CivilDate?) {
        let start = try date("start_date")
        let end = try date("end_date")
        if let start, let end, end < start { throw .invalidDateRange }
        return (start, end)
    }

    private static func baseName(_ name: String) -> String {
        guard name.hasSuffix("]"), let open = name.firstIndex(of: "[") else { return name }
        return String(name[..<open])
    }
}
