import Foundation

/// One credential's daily API allowance, kept in the warehouse so every run and process shares it:
/// a run stops a source before it would exceed the allowance, and the next run after the reset
/// goes on from there.
public struct APIBudget: Sendable {
    private let warehouse: Warehouse
    /// An opaque name of the credential (a hash, never the secret).
    public let credential: String
    public let source: String
    /// Requests allowed per day when the vendor does not say; nil for no limit of our own.
    public let dailyLimit: Int?
    /// The length of the vendor's daily window.
    public let day: TimeInterval

    public init(warehouse: Warehouse, credential: String, source: String, dailyLimit: Int?, day: TimeInterval = 86_400) {
        self.warehouse = warehouse
        self.credential = credential
        self.source = source
        self.dailyLimit = dailyLimit
        self.day = day
    }

    /// What is left of the allowance now.
    public struct State: Sendable, Equatable {
        public var used: Int
        public var limit: Int?
        public var remainingReported: Int?
        public var exhaustedUntil: Date?
        public var dayEndsAt: Date

        /// Requests left: the smaller of the vendor's own count and our limit minus what we used.
        public var remaining: Int? {
            let ours = limit.map { max(0, $0 - used) }
            switch (remainingReported, ours) {
            case let (reported?, ours?): return min(reported, ours)
            case let (reported?, nil): return reported
            case let (nil, ours): return ours
            }
        }
    }

    /// Counts one request, or throws `Exhausted` when the allowance is spent until a later time.
    public func spend(now: Date = Date()) throws {
        try warehouse.pool.write { db in
            let state = try current(db, now: now)
            if let until = state.exhaustedUntil, until > now { throw Exhausted(until: until) }
            if let remaining = state.remaining, remaining <= 0 { throw Exhausted(until: state.dayEndsAt) }
            try db.execute(sql: """
                UPDATE api_budget SET day_used = day_used + 1,
                    remaining_reported = CASE WHEN remaining_reported IS NULL THEN NULL ELSE remaining_reported - 1 END,
                    exhausted_until = NULL
                WHERE credential = ?
                """, arguments: [credential])
        }
    }

    /// Takes in the vendor's own count of what is left today.
    public func observe(remainingToday: Int?, now: Date = Date()) throws {
        guard let remainingToday else { return }
        try warehouse.pool.write { db in
            _ = try current(db, now: now)
            try db.execute(sql: "UPDATE api_budget SET remaining_reported = ?, reported_at = ? WHERE credential = ?",
                           arguments: [remainingToday, Timestamp.string(now), credential])
        }
    }

    /// Records that the vendor refused for the day, until `until`.
    public func exhaust(until: Date, now: Date = Date()) throws {
        try warehouse.pool.write { db in
            _ = try current(db, now: now)
            try db.execute(sql: "UPDATE api_budget SET exhausted_until = ?, remaining_reported = 0 WHERE credential = ?",
                           arguments: [Timestamp.string(until), credential])
        }
    }

    /// The allowance as it stands, starting a new day when the last one is over.
    public func state(now: Date = Date()) throws -> State {
        try warehouse.pool.write { db in try current(db, now: now) }
    }

    private func current(_ db: Database, now: Date) throws -> State {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM api_budget WHERE credential = ?", arguments: [credential])
        let started = (row?["day_started_at"] as String?).flatMap(Timestamp.date(fromVendor:))
        if row == nil || started.map({ now.timeIntervalSince($0) >= day }) == true {
            let exhausted = (row?["exhausted_until"] as String?).flatMap(Timestamp.date(fromVendor:)).flatMap { $0 > now ? $0 : nil }
            try db.execute(sql: """
                INSERT OR REPLACE INTO api_budget (credential, source, day_started_at, day_used, day_limit, remaining_reported,
                                                   reported_at, exhausted_until)
                VALUES (?, ?, ?, 0, ?, NULL, NULL, ?)
                """, arguments: [credential, source, Timestamp.string(now), dailyLimit, exhausted.map(Timestamp.string)])
            return State(used: 0, limit: dailyLimit, remainingReported: nil, exhaustedUntil: exhausted,
                         dayEndsAt: now.addingTimeInterval(day))
        }
        return State(used: row?["day_used"] ?? 0, limit: dailyLimit, remainingReported: row?["remaining_reported"],
                     exhaustedUntil: (row?["exhausted_until"] as String?).flatMap(Timestamp.date(fromVendor:)),
                     dayEndsAt: (started ?? now).addingTimeInterval(day))
    }

    /// The allowance is spent until `until`.
    public struct Exhausted: Error, Sendable {
        public let until: Date

        public init(until: Date) { self.until = until }

        /// `HH:MM UTC`, as the user reads it, with the day in front when it is not today.
        public var resumeTime: String { resumeTime(now: Date()) }

        /// `resumeTime` as seen at `now`. Rounded up to the minute, so it never names a minute already begun.
        public func resumeTime(now: Date) -> String {
            let resume = Date(timeIntervalSince1970: (until.timeIntervalSince1970 / 60).rounded(.up) * 60)
            let parts = Timestamp.utcCalendar.dateComponents([.hour, .minute], from: resume)
            let time = String(format: "%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
            let day = Timestamp.string(resume).prefix(10)
            return day == Timestamp.string(now).prefix(10) ? time : "\(day) \(time)"
        }
    }
}
