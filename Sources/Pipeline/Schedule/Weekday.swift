/// A day of the week, numbered as Foundation's Gregorian calendar numbers them (1 is Sunday).
public enum Weekday: Int, Sendable, CaseIterable, CustomStringConvertible {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    /// The day's English name in lower case, as a schedule writes it (`monday`).
    public var description: String {
        switch self {
        case .sunday: "sunday"
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        }
    }

    /// Reads a full English day name or its three-letter abbreviation, in any case.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let day = Self.allCases.first(where: { $0.description == lowered || $0.description.prefix(3) == lowered }) else {
            return nil
        }
        self = day
    }
}
