/// One titled section of `etl status`: notes and tables, or "none" when it has nothing to show.
public struct StatusSection: Sendable, Equatable {
    /// A table with an optional caption line above it.
    public struct Part: Sendable, Equatable {
        public var caption: String?
        public var table: TextTable

        public init(caption: String? = nil, table: TextTable) {
            self.caption = caption
            self.table = table
        }
    }

    public var title: String
    /// Lines printed under the title before the tables.
    public var notes: [String]
    public var parts: [Part]

    public init(title: String, notes: [String] = [], parts: [Part]) {
        self.title = title
        self.notes = notes
        self.parts = parts
    }

    /// The title, its notes, and each part (a table without rows prints "none").
    public func render(clean: (String) -> String) -> [String] {
        var lines = [title]
        lines += notes.map { "  " + clean($0) }
        for (index, part) in parts.enumerated() {
            if index > 0 { lines.append("") }
            if let caption = part.caption { lines.append("  " + caption) }
            lines += part.table.rows.isEmpty ? ["  none"] : part.table.render(indent: "  ", clean: clean)
        }
        return lines
    }
}
