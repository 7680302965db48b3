import Foundation
import Warehouse

/// What a 429 body says: how long to wait, and whether the daily allowance (not the minute's) ran out.
struct RateLimitAnswer {
    /// The wait the vendor asks for.
    let retryAfter: Duration?
    /// True when the daily limit was hit; Konnector then gives `retry_after` in hours, not seconds.
    let isDaily: Bool

    init(_ body: Data, remainingDayHeader: Int? = nil) {
        let json = try? JSONValue.parse(body)
        let message = (json?["message"]?.string ?? "").lowercased()
        let remainingDay = json?.at("data", "rate_limit_info", "remaining_day")?.int
        let daily = message.contains("per day") || remainingDay == 0 || remainingDayHeader == 0
        isDaily = daily
        // Konnector gives hours for the daily limit and seconds for the minute's; a value too large
        // to be hours is read as seconds, and no wait is taken beyond a day.
        let value = json?.at("data", "retry_after")?.double.map { max(0, $0) }
        retryAfter = value.map { value in
            let seconds = daily && value <= 24 ? value * 3600 : value
            return .milliseconds(Int((min(seconds, 86_400) * 1000).rounded(.up)))
        }
    }
}
