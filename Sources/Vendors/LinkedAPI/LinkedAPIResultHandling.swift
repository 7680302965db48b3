/// How Linked API returns a workflow's result (its `result-handling` header): held until done (`long`), a link
/// to poll (`reslink`), or a delivery to the webhook (`hook`).
public enum LinkedAPIResultHandling: String, CaseIterable, Codable, Sendable {
    case long, reslink, hook

    /// The modes as the configuration's error messages list them: `long, reslink, hook`.
    public static let listed = allCases.map(\.rawValue).joined(separator: ", ")
}
