import Chronology
import Foundation
import Logging
import Vendors
import Warehouse

/// One source's conversation with its vendor: it paces requests to the rate budget, lands every
/// response in the raw table before anyone reads it, retries what is transient and turns the rest
/// into an `ExtractError` naming the source and the endpoint.
public final class FetchSession: Sendable {
    public let source: SourceSettings
    private let client: any HTTPClient
    private let runID: Int64
    private let budget: RateBudget
    private let logger: Logger
    private let counters = Counters()
    private let secrets: SecretKeeper
    /// What the session's waits (retries, polling) and its run deadline are measured on.
    private let time: any TimeSource
    /// Exchanges credentials for expiring tokens, for vendors that need it.
    public let authenticator: (any Authenticator)?
    /// The warehouse this session lands pages in.
    public let warehouse: Warehouse
    /// The credential's daily allowance, shared with every other run.
    private let dailyBudget: APIBudget
    /// The credential's rolling-window allowance, for vendors that have one.
    private let windowBudget: RequestWindow?
    private let progress: (any ProgressReporter)?
    /// When the source's extraction must end (`SourceSettings.runTimeout` after the session began).
    private let runDeadline: Duration

    public init(source: SourceSettings, client: any HTTPClient, warehouse: Warehouse, runID: Int64,
                budget: RateBudget, logger: Logger, authenticator: (any Authenticator)? = nil,
                progress: (any ProgressReporter)? = nil,
                time: any TimeSource = SystemTime()) {
        self.source = source
        self.client = client
        self.warehouse = warehouse
        self.runID = runID
        self.budget = budget
        self.logger = logger
        self.authenticator = authenticator
        self.secrets = SecretKeeper(source.secrets)
        self.progress = progress
        self.time = time
        self.runDeadline = time.now() + source.runTimeout
        self.dailyBudget = APIBudget(warehouse: warehouse, credential: source.credential, source: source.name,
                                     dailyLimit: source.dailyLimit)
        self.windowBudget = source.requestWindow.map {
            RequestWindow(warehouse: warehouse, credential: source.credential, limit: $0.limit, length: $0.seconds)
        }
    }

    /// Requests left in the credential's rolling window; nil when it has none.
    public func windowRemaining() throws -> Int? { try windowBudget?.remaining(now: time.date()) }

    /// The run the session's pages belong to.
    public var run: Int64 { runID }

    /// Logs a problem that does not stop the source.
    public func warn(_ message: String) {
        logger.warning("\(source.name): \(redacted(message))")
    }

    /// Counts records an extractor read from a page.
    public func countRows(_ count: Int) async {
        await counters.add(\.rows, count)
    }

    /// Pages, API calls, retries and 429s so far.
    public func statistics() async -> FetchStatistics { await counters.value }

    /// Fetches one page of `endpoint`, lands it, and returns it once it is a 2xx JSON answer.
    /// With `authenticate` false the authenticator is not asked (the login request itself).
    public func fetch(_ endpoint: Endpoint, _ parameters: Parameters = Parameters(),
                      authenticate: Bool = true, headers extraHeaders: [String: String] = [:]) async throws -> LandedPage {
        await counters.setEndpoint(endpoint.name)
        var attempt = 0
        var rateLimitWaits = 0
        var immediateRetryWaits = 0
        var reauthenticated = false
        /// The one same-origin redirect followed, if any.
        var redirect: URL?
        while true {
            attempt += 1
            try checkRunDeadline(endpoint.name)
            let dynamicHeaders = authenticate ? try await authenticator?.headers(for: self) ?? [:] : [:]
            var request = try makeRequest(endpoint, parameters, headers: extraHeaders.merging(dynamicHeaders) { _, new in new })
            if let redirect { request.url = redirect }
            do {
                try dailyBudget.spend(now: time.date())
            } catch let exhausted as APIBudget.Exhausted {
                throw ExtractError(source: source.name, endpoint: endpoint.name, cause: .budgetExhausted(retryAfter: exhausted.resumeTime))
            }
            do {
                try windowBudget?.spend(now: time.date())
            } catch let exhausted as APIBudget.Exhausted {
                throw ExtractError(source: source.name, endpoint: endpoint.name,
                                   cause: .budgetExhausted(retryAfter: exhausted.resumeTime, window: "hourly"))
            }
            if let pause = await budget.pauseBeforeNext() {
                try checkRunDeadline(endpoint.name, after: pause)
                progress?.update(source: source.name, statistics: await counters.value, waiting: pause)
            }
            let waited = try await budget.acquire()
            if waited > .zero {
                logger.info("\(source.name): \(endpoint.name): pacing to the rate limit, waited \(waited.secondsText)")
            }
            await counters.add(\.apiCalls)
            request.deadline = min(source.requestTimeout, remainingRunTime())
            let response: HTTPResponse
            do {
                response = try await client.send(request)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if case .unrequestedEncoding? = error as? HTTPClientError {
                    throw ExtractError(source: source.name, endpoint: endpoint.name, cause: .malformedBody(String(describing: error)))
                }
                let cause = redacted(String(describing: error))
                guard attempt < source.retry.maxAttempts else {
                    throw ExtractError(source: source.name, endpoint: endpoint.name, cause: .transport(cause))
                }
                try await retryLater(endpoint, attempt: attempt, reason: cause)
                continue
            }
            let remainingToday = response.header("X-RateLimit-Remaining-Day").flatMap { Int($0) }
            await budget.observe(limit: response.header("X-RateLimit-Limit-Minute").flatMap { Int($0) },
                                 remaining: response.header("X-RateLimit-Remaining-Minute").flatMap { Int($0) },
                                 remainingToday: remainingToday)
            try dailyBudget.observe(remainingToday: remainingToday, now: time.date())
            if response.bodyExceededLimit || response.body.count > source.maxBodyBytes {
                try land(endpoint, parameters, HTTPResponse(status: response.status, headers: response.headers,
                                                            body: response.body.prefix(Self.keptPrefixOfHugeBody)))
                throw error(endpoint, response, .malformedBody(
                    "the body exceeds the limit of \(source.maxBodyBytes) bytes; reading stopped there (its first bytes are kept raw)"))
            }
            let page = try land(endpoint, parameters, response)
            switch response.status {
            case 200..<300:
                if let type = response.header("Content-Type"), !type.lowercased().contains("json") {
                    throw error(endpoint, response, .malformedBody("expected JSON, got Content-Type \(type)"))
                }
                await counters.add(\.pages)
                progress?.update(source: source.name, statistics: await counters.value, waiting: nil)
                return try LandedPage(page: page, body: response.body, source: source.name, bodyPrefix: bodyPrefix(of: page.body))
            case 301, 302, 303, 307, 308:
                redirect = try followableRedirect(endpoint, response, from: request.url, alreadyFollowed: redirect != nil)
                attempt -= 1
            case 401 where authenticate && authenticator != nil && !reauthenticated:
                logger.notice("\(source.name): \(endpoint.name): token refused, logging in again")
                await authenticator?.invalidate()
                reauthenticated = true
                attempt -= 1
            case 401, 403:
                throw error(endpoint, response, .unauthorized)
            case 429:
                await counters.add(\.rateLimited)
                let limit = RateLimitAnswer(response, now: time.date())
                if windowBudget != nil {
                    // A rolling-window vendor frees a slot only as old requests age out: waiting inside
                    // the run would hold it for up to an hour, so the work left is carried to the next run.
                    let seconds = limit.retryAfter?.timeInterval ?? source.requestWindow?.seconds ?? 3600
                    let until = time.date().addingTimeInterval(seconds)
                    try windowBudget?.exhaust(until: until)
                    throw ExtractError(source: source.name, endpoint: endpoint.name, status: 429,
                                       cause: .budgetExhausted(retryAfter: APIBudget.Exhausted(until: until).resumeTime, window: "hourly"))
                }
                if limit.isDaily {
                    let until = time.date().addingTimeInterval((limit.retryAfter ?? .seconds(3600)).timeInterval)
                    try dailyBudget.exhaust(until: until, now: time.date())
                    throw ExtractError(source: source.name, endpoint: endpoint.name, status: 429,
                                       cause: .budgetExhausted(retryAfter: APIBudget.Exhausted(until: until).resumeTime))
                }
                rateLimitWaits += 1
                guard rateLimitWaits <= source.retry.maxRateLimitWaits else {
                    throw error(endpoint, response, .transientExhausted)
                }
                let pause: Duration
                let plan: String
                if let asked = limit.retryAfter, asked > .zero {
                    pause = asked
                    plan = "waiting \(pause.secondsText) as the vendor asks"
                } else if limit.retryAfter != nil {
                    // "Retry at once" answered with another 429 would spin: back off from a second instead.
                    immediateRetryWaits += 1
                    pause = min(source.rateWindow, .seconds(1) * (1 << min(immediateRetryWaits - 1, 16)))
                    plan = "backing off \(pause.secondsText)"
                } else {
                    pause = source.rateWindow
                    plan = "waiting out the vendor's \(pause.secondsText) window"
                }
                // A wait far beyond the vendor's own window is not a per-minute limit: stop rather than hang.
                guard pause <= source.rateWindow * 2 + .seconds(60) else {
                    throw ExtractError(source: source.name, endpoint: endpoint.name, status: 429, cause: .rateLimitTooLong(
                        wait: pause, said: limit.said,
                        resumesAt: APIBudget.Exhausted(until: time.date().addingTimeInterval(pause.timeInterval)).resumeTime))
                }
                try checkRunDeadline(endpoint.name, after: pause)
                logger.notice("\(source.name): \(endpoint.name): rate limited (HTTP 429, \(limit.said)); \(plan)")
                progress?.update(source: source.name, statistics: await counters.value, waiting: pause)
                try await budget.pause(for: pause)
                attempt -= 1
            case 408, 500..<600:
                guard attempt < source.retry.maxAttempts else {
                    throw error(endpoint, response, .transientExhausted)
                }
                try await retryLater(endpoint, attempt: attempt, reason: "HTTP \(response.status)")
            default:
                throw error(endpoint, response, .httpStatus)
            }
        }
    }

    /// Where a redirect may be followed: once, and only to the origin the request went to, so the
    /// credentials in its headers never reach another host. The method and body are kept.
    private func followableRedirect(_ endpoint: Endpoint, _ response: HTTPResponse, from url: URL,
                                    alreadyFollowed: Bool) throws -> URL {
        guard let location = response.header("Location"), let target = URL(string: location, relativeTo: url)?.absoluteURL else {
            throw error(endpoint, response, .redirectRefused("a redirect without a usable Location"))
        }
        let host = redacted(target.host ?? "no host")
        guard Self.origin(of: target) == Self.origin(of: url) else {
            throw error(endpoint, response, .redirectRefused(
                "redirected to another origin (\(target.scheme ?? "?")://\(host)\(target.port.map { ":\($0)" } ?? "")); not followed, so the credentials stay with \(url.host ?? "the configured host")"))
        }
        guard !alreadyFollowed else {
            throw error(endpoint, response, .redirectRefused("redirected a second time (to \(host)); only one same-origin redirect is followed"))
        }
        logger.notice("\(source.name): \(endpoint.name): HTTP \(response.status), following the redirect within \(host)")
        return target
    }

    /// Scheme, host and port, with the scheme's default port filled in.
    private static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// Time left before the source's run deadline.
    public func remainingRunTime() -> Duration { max(.zero, runDeadline - time.now()) }

    /// Throws the run-deadline error when the deadline has passed, or would pass during a wait of `wait`.
    public func checkRunDeadline(_ endpoint: String, after wait: Duration = .zero) throws {
        guard wait >= remainingRunTime() else { return }
        throw ExtractError(source: source.name, endpoint: endpoint, cause: .runTimeout(source.runTimeout))
    }

    /// Runs a whole extraction, cancelled when the source's run deadline passes, so no wait of an
    /// extractor's own can hold the night past it; the error names the endpoint last asked.
    public func withinRunDeadline(_ work: @escaping @Sendable () async throws -> Void) async throws {
        let remaining = remainingRunTime()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await work()
                return true
            }
            group.addTask {
                try await Task.sleep(for: remaining)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else {
                throw ExtractError(source: source.name, endpoint: await currentEndpoint(), cause: .runTimeout(source.runTimeout))
            }
        }
    }

    /// Waits as an extractor's polling asks, within the source's run deadline.
    public func pause(_ wait: Duration, endpoint: String) async throws {
        try checkRunDeadline(endpoint, after: wait)
        try await time.sleep(for: wait)
    }

    /// The wall time on the session's time, for expiries vendors state as dates.
    public var now: Date { time.date() }

    /// Waits on the session's time with no run deadline: for work that runs until it is stopped (`etl listen`).
    public func wait(_ duration: Duration) async throws {
        try await time.sleep(for: duration)
    }

    /// The endpoint the session last asked, for errors raised outside a request.
    public func currentEndpoint() async -> String { await counters.endpoint ?? "-" }

    private func retryLater(_ endpoint: Endpoint, attempt: Int, reason: String) async throws {
        await counters.add(\.retries)
        let delay = source.retry.backoff(afterAttempt: attempt)
        try checkRunDeadline(endpoint.name, after: delay)
        logger.warning("\(source.name): \(endpoint.name): \(reason); retry \(attempt) of \(source.retry.maxAttempts - 1) in \(delay.secondsText)")
        try await time.sleep(for: delay)
    }

    /// How much of a body over the size limit is kept in the raw table, for diagnosis.
    static let keptPrefixOfHugeBody = 1 << 20

    private func makeRequest(_ endpoint: Endpoint, _ parameters: Parameters, headers: [String: String]) throws -> HTTPRequest {
        var path = String(endpoint.path.drop { $0 == "/" })
        var remaining = parameters
        for name in endpoint.pathParameters {
            guard case .string(let value)? = remaining[name], !value.isEmpty, value != ".", value != ".." else {
                throw ExtractError(source: source.name, endpoint: endpoint.name,
                                   cause: .configuration("\(name) is missing or not a usable id: \(remaining[name].map { "\($0)" } ?? "none")"))
            }
            path = path.replacingOccurrences(of: "{\(name)}", with: Self.encode(value))
            remaining.values[name] = nil
        }
        let invalid = ExtractError(source: source.name, endpoint: endpoint.name, cause: .configuration("invalid base_url"))
        guard var components = URLComponents(url: source.baseURL, resolvingAgainstBaseURL: false) else { throw invalid }
        components.percentEncodedPath = components.percentEncodedPath.trimmingSuffix("/") + "/" + path
        var allHeaders = source.authHeaders.merging(headers) { _, new in new }
        allHeaders["Accept"] = "application/json"
        var body: Data?
        switch (endpoint.method, endpoint.body) {
        case (.get, _):
            let items = remaining.queryItems
            if !items.isEmpty {
                components.percentEncodedQuery = items.map { "\(Self.encode($0.name))=\(Self.encode($0.value ?? ""))" }
                    .joined(separator: "&")
            }
        case (.post, .json):
            allHeaders["Content-Type"] = "application/json"
            body = remaining.jsonBody
        case (.post, .form):
            allHeaders["Content-Type"] = "application/x-www-form-urlencoded"
            body = remaining.formBody
        case (.post, .jsonValue(let name)):
            allHeaders["Content-Type"] = "application/json"
            body = remaining.jsonBody(of: name)
        }
        guard let url = components.url else { throw invalid }
        return HTTPRequest(method: endpoint.method.rawValue, url: url, headers: allHeaders, body: body,
                           deadline: source.requestTimeout, maxBodyBytes: source.maxBodyBytes)
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, so ids holding `+`, `/`
    /// or `=` reach the vendor intact.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    @discardableResult
    private func land(_ endpoint: Endpoint, _ parameters: Parameters, _ response: HTTPResponse) throws -> RawPage {
        if let json = try? JSONValue.parse(response.body) { secrets.harvest(json) }
        let body = secrets.redact(response.body)
        var page = RawPage(runID: runID, source: source.name, kind: source.kind.rawValue, endpoint: endpoint.name,
                           method: endpoint.method.rawValue, parameters: redacted(parameters.canonicalJSON),
                           httpStatus: response.status, contentType: response.header("Content-Type"),
                           fetchedAt: Timestamp.string(time.date()), body: body, contentHash: ContentHash.hex(body))
        page.id = try warehouse.pool.write { db in try page.insert(db) }
        return page
    }

    private func error(_ endpoint: Endpoint, _ response: HTTPResponse, _ cause: ExtractError.Cause) -> ExtractError {
        ExtractError(source: source.name, endpoint: endpoint.name, status: response.status, cause: cause,
                     bodyPrefix: bodyPrefix(of: response.body))
    }

    private func bodyPrefix(of body: Data) -> String {
        let text = redacted(String(decoding: body.prefix(120), as: UTF8.self))
        return text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// Removes every secret of the source from text bound for the raw table, a log or an error.
    public func redacted(_ text: String) -> String { secrets.redact(text) }

    /// Lands a page that did not come from a request of this session (a pushed event), secrets removed.
    @discardableResult
    public func landPushed(endpoint: String, parameters: Parameters, body: Data, contentType: String = "application/json") throws -> RawPage {
        if let json = try? JSONValue.parse(body) { secrets.harvest(json) }
        let clean = secrets.redact(body)
        var page = RawPage(runID: runID, source: source.name, kind: source.kind.rawValue, endpoint: endpoint, method: "PUSH",
                           parameters: redacted(parameters.canonicalJSON), httpStatus: 200, contentType: contentType,
                           fetchedAt: Timestamp.string(time.date()), body: clean, contentHash: ContentHash.hex(clean))
        page.id = try warehouse.pool.write { db in try page.insert(db) }
        return page
    }
}

/// How much one source's extraction has done.
public struct FetchStatistics: Sendable, Equatable {
    public var pages = 0
    /// Records read from the pages (campaigns, daily rows, threads, messages, statuses).
    public var rows = 0
    public var apiCalls = 0
    public var retries = 0
    public var rateLimited = 0
}

/// The mutable counters behind `FetchStatistics`.
actor Counters {
    var value = FetchStatistics()
    var endpoint: String?
    func add(_ counter: WritableKeyPath<FetchStatistics, Int>, _ amount: Int = 1) { value[keyPath: counter] += amount }
    func setEndpoint(_ name: String) { endpoint = name }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
