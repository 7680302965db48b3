import Warehouse

/// Why one source's extraction stopped, with what a user needs to act on it.
public struct ExtractError: Error, CustomStringConvertible, Sendable {
    /// The kinds of failure, each with its own advice.
    public enum Cause: Sendable, Equatable {
        /// The vendor refused the credentials (401/403).
        case unauthorized
        /// The vendor's allowance (`daily`, or `hourly` for a rolling hour) is spent; `retryAfter`
        /// is when it frees up, when known.
        case budgetExhausted(retryAfter: String?, window: String = "daily")
        /// The vendor answered with a status that retrying will not fix.
        case httpStatus
        /// Retries ran out on 5xx answers or network errors.
        case transientExhausted
        /// The body was not the JSON the document describes.
        case malformedBody(String)
        /// The network failed (connection refused, timeout, DNS).
        case transport(String)
        /// The configuration lacks something this source needs.
        case configuration(String)
        /// The vendor redirected somewhere the request (and its credentials) may not follow.
        case redirectRefused(String)
        /// The source's whole extraction ran past `run_timeout_minutes`; the work left waits for the next run.
        case runTimeout(Duration)
        /// A 429 asked for a wait far beyond the vendor's own short window: stopped rather than hang.
        case rateLimitTooLong(wait: Duration, said: String, resumesAt: String)
    }

    public let source: String
    public let endpoint: String
    public let status: Int?
    public let cause: Cause
    /// The first bytes of the offending body, secrets removed.
    public let bodyPrefix: String?

    public init(source: String, endpoint: String, status: Int? = nil, cause: Cause, bodyPrefix: String? = nil) {
        self.source = source
        self.endpoint = endpoint
        self.status = status
        self.cause = cause
        self.bodyPrefix = bodyPrefix
    }

    /// Whether trying again later, unchanged, could succeed.
    public var isTransient: Bool {
        switch cause {
        case .transientExhausted, .transport, .budgetExhausted, .runTimeout, .rateLimitTooLong: true
        case .unauthorized, .httpStatus, .malformedBody, .configuration, .redirectRefused: false
        }
    }

    public var description: String {
        let statusText = status.map { "HTTP \($0)" }
        let body = bodyPrefix.flatMap { $0.isEmpty ? nil : "body starts \"\($0)\"" }
        let reason: String
        switch cause {
        case .unauthorized:
            reason = [statusText, "the vendor refused the credentials; check the key in the source's *_env variable", body]
                .compactMap { $0 }.joined(separator: ", ")
        case .budgetExhausted(let retryAfter, let window):
            reason = "\(window) API budget exhausted" + (retryAfter.map { ", resumes after \($0)" } ?? "")
        case .httpStatus:
            reason = [statusText, body].compactMap { $0 }.joined(separator: ", ")
        case .transientExhausted:
            reason = ["retries exhausted", statusText, body].compactMap { $0 }.joined(separator: ", ")
        case .malformedBody(let what):
            reason = [statusText, "malformed response: \(what)", body].compactMap { $0 }.joined(separator: ", ")
        case .transport(let what):
            reason = "network error: \(what)"
        case .configuration(let what):
            reason = what
        case .redirectRefused(let what):
            reason = [statusText, what].compactMap { $0 }.joined(separator: ", ")
        case .runTimeout(let limit):
            let length = limit < .seconds(60) ? limit.secondsText : "\(Int((limit.timeInterval / 60).rounded(.up))) min"
            reason = "stopped at the source's run deadline of \(length) (run_timeout_minutes); the next run goes on from here"
        case .rateLimitTooLong(let wait, let said, let resumesAt):
            reason = [statusText, "rate limited for longer than the vendor's short window: it asks to wait \(wait.secondsText) (\(said)); stopped, resumes after \(resumesAt)"]
                .compactMap { $0 }.joined(separator: ", ")
        }
        return "\(source): \(endpoint): \(reason)"
    }
}
