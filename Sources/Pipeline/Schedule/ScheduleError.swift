/// A `schedule` string that is not one of the accepted forms.
public struct ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as the configuration wrote it.
    public let text: String
    /// What in particular is wrong, when more can be said than "not understood".
    public let reason: String?

    public init(text: String, reason: String? = nil) {
        self.text = text
        self.reason = reason
    }

    /// Every form a schedule may take, for error messages and help.
    public static let acceptedForms = "hourly, daily, weekly, every Nm, every Nh, every Nd (e.g. every 30m, every 6h), "
        + "daily at HH:MM, weekly on <weekday> at HH:MM"

    /// One line: the text, the reason and the accepted forms.
    public var description: String {
        "schedule \"\(text)\" is not understood\(reason.map { " (\($0))" } ?? ""); use one of: \(Self.acceptedForms)"
    }
}
