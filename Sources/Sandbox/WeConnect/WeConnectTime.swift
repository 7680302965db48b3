/// How WeConnect writes times.
///
/// `time_stamp` (`/ln/messages`) and `date_time` (`/ln/thread`) are zone-less `YYYY-MM-DD HH:MM:SS`
/// in the vendor's server zone. The document never names that zone; the sandbox makes it UTC+02:00
/// (assumption, deliberately not UTC, so a client that reads them as UTC is two hours off; the epoch
/// `timestamp` of `/ln/thread` is the truth). `time` is Laravel/Carbon's `diffForHumans()`.
enum WeConnectTime {
    /// The vendor's server zone, minutes east of UTC.
    static let serverOffsetMinutes = 120

    /// `epochSeconds` as zone-less `YYYY-MM-DD HH:MM:SS` in the server zone.
    static func zoneless(_ epochSeconds: Int64, offsetMinutes: Int = serverOffsetMinutes) -> String {
        // ISOTimestamp gives `YYYY-MM-DDTHH:MM:SS+02:00`: keep the first 19 characters, space for `T`.
        let iso = ISOTimestamp.format(epochSeconds: epochSeconds, offsetMinutes: offsetMinutes)
        let local = iso.prefix(19)
        return String(local.prefix(10)) + " " + String(local.dropFirst(11))
    }

    /// Carbon-style relative time of `epochSeconds` seen at `now`: "1 second ago", "5 minutes ago",
    /// "4 days ago", "2 weeks ago", "3 months ago", "1 year ago"; future times read "... from now".
    static func relative(_ epochSeconds: Int64, now: Int64) -> String {
        let difference = now - epochSeconds
        let seconds = abs(difference)
        let (count, unit): (Int64, String)
        switch seconds {
        case ..<60: (count, unit) = (max(1, seconds), "second")
        case ..<3_600: (count, unit) = (seconds / 60, "minute")
        case ..<86_400: (count, unit) = (seconds / 3_600, "hour")
        case ..<(7 * 86_400): (count, unit) = (seconds / 86_400, "day")
        case ..<(30 * 86_400): (count, unit) = (seconds / (7 * 86_400), "week")
        case ..<(365 * 86_400): (count, unit) = (seconds / (30 * 86_400), "month")
        default: (count, unit) = (seconds / (365 * 86_400), "year")
        }
        let phrase = "\(count) \(unit)" + (count == 1 ? "" : "s")
        return phrase + (difference >= 0 ? " ago" : " from now")
    }
}
