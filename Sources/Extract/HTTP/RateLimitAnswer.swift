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
        let value = json?.at("data", "retry_after")?.double
        retryAfter = value.map { daily ? .seconds($0 * 3600) : .milliseconds(Int(($0 * 1000).rounded(.up))) }
    }
}
