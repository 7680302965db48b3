/// A named column of a reporting view and the way it is formatted.
public struct ReportColumn: Sendable, Equatable {
    public let name: String
    public let kind: ColumnKind

    /// A column whose kind is derived from its name.
    public init(name: String) {
        self.init(name: name, kind: ColumnKind(columnName: name))
    }

    public init(name: String, kind: ColumnKind) {
        self.name = name
        self.kind = kind
    }
}
