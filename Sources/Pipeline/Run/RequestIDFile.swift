import Foundation
import Warehouse

/// Reads the request ids `etl track` registers: one per line, or a CSV file with a `request_id`
/// column and, for invitations, `person_url` (or `profile_url`) and `sent_at` columns.
public enum RequestIDFile {
    public static func read(_ url: URL) throws(ConfigurationError) -> [String] {
        try readRequests(url).map(\.id)
    }

    /// The file's requests with the person and time each names, where it does.
    public static func readRequests(_ url: URL) throws(ConfigurationError) -> [TrackedRequest] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: url.path, "cannot read the request id file")
        }
        return try parseRequests(text, file: url.path)
    }

    public static func parse(_ text: String, file: String? = nil) throws(ConfigurationError) -> [String] {
        try parseRequests(text, file: file).map(\.id)
    }

    public static func parseRequests(_ text: String, file: String? = nil) throws(ConfigurationError) -> [TrackedRequest] {
        let rows = csvRows(text.replacingOccurrences(of: "\u{FEFF}", with: ""))
            .filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
        guard let header = rows.first else { return [] }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column = 0
        var body = rows[...]
        if let index = names.firstIndex(of: "request_id") {
            column = index
            body = rows.dropFirst()
        } else if header.count > 1 {
            throw ConfigurationError(file: file, "a CSV file of request ids needs a request_id column")
        }
        let personColumn = names.firstIndex { ["person_url", "profile_url", "personurl"].contains($0) }
        let sentColumn = names.firstIndex(of: "sent_at")
        func field(_ row: [String], _ index: Int?) -> String? {
            guard let index, index < row.count else { return nil }
            let value = row[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        var seen = Set<String>()
        return body.compactMap { row in
            guard column < row.count else { return nil }
            let id = row[column].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, !id.hasPrefix("#"), seen.insert(id).inserted else { return nil }
            return TrackedRequest(id: id, subject: field(row, personColumn), sentAt: field(row, sentColumn))
        }
    }

    /// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
    private static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n", "\r":
                row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
