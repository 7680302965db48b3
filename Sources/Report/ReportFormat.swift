/// An output format the report writer can render.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case csv, xlsx, html
}
