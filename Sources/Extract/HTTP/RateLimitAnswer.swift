import Foundation
import Warehouse

/// What a 429 answer says: how long to wait, in whose words, and whether the daily allowance (not
/// the minute's) ran out.
struct RateLimitAnswer {
    /// The wait the vendor asks for; zero when it says to retry at once, nil when it says nothing.
    let retryAfter: Duration?
    /// True when the daily limit was hit; Konnector then gives `retry_after` in hours, not seconds.
    let isDaily: Bool
    /// What the vendor said, for the log: `Retry-After: 0`, `retry_after 30 in the body`, `no wait given`.
    let said: String

    init(_ response: HTTPResponse, now: Date = Date()) {
        let json = try? JSONValue.parse(response.body)
        let message = (json?["message"]?.string ?? "").lowercased()
        let remainingDay = json?.at("data", "rate_limit_info", "remaining_day")?.int
        let remainingDayHeader = response.header("X-RateLimit-Remaining-Day").flatMap { Int($0) }
        let daily = message.contains("per day") || remainingDay == 0 || remainingDayHeader == 0
        isDaily = daily
        var waits: [(seconds: Double, said: String)] = []
        if let header = response.header("Retry-After"), let seconds = Self.seconds(inRetryAfter: header, now: now) {
            waits.append((seconds, "Retry-After: \(header.trimmingCharacters(in: .whitespaces).prefix(40))"))
        }
        if let value = json?.at("data", "retry_after")?.double ?? json?["retry_after"]?.double {
            // Konnector gives hours for the daily limit and seconds for the minute's; a value too
            // large to be hours is read as seconds.
            let seconds = daily && value <= 24 ? max(0, value) * 3600 : max(0, value)
            waits.append((seconds, "retry_after \(value.formatted(.number.grouping(.never))) in the body"))
        }
        // Where the header and the body disagree, the longer wait is the one that cannot be wrong.
        retryAfter = waits.map(\.seconds).max().map(Self.duration)
        said = waits.isEmpty ? "no wait given" : waits.map(\.said).joined(separator: ", ")
    }

    /// No wait is taken beyond a day.
    private static func duration(_ seconds: Double) -> Duration { Duration(timeInterval: min(seconds, 86_400)) }

    /// `Retry-After` in either of RFC 9110's forms: delay seconds, or an HTTP date.
    static func seconds(inRetryAfter header: String, now: Date) -> Double? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds.isFinite { return max(0, seconds) }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }

    /// IMF-fixdate, then the obsolete RFC 850 and asctime forms RFC 9110 still asks recipients to read.
    private static let httpDateFormats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]
}
