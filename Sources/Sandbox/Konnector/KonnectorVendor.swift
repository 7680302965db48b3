/// The Konnector third-party API emulator: rate limiting, authentication, then one route per
/// documented endpoint. Every answer, errors included, carries the `X-RateLimit-*` headers.
struct KonnectorVendor: SandboxVendor {
    static let pathPrefix = "/konnector/social_app/api/v1/third_party"

    var pathPrefix: String { Self.pathPrefix }

    let routes: KonnectorRoutes
    let keys: KonnectorKeyStore
    let limiter: KonnectorRateLimiter
    private let requestCounter = LockedBox<UInt64>(0)
    private let seed: UInt64
    private let clock: SandboxClock

    init(dataset: KonnectorDataset, configuration: SandboxConfiguration) {
        routes = KonnectorRoutes(dataset: dataset, pathPrefix: Self.pathPrefix)
        keys = KonnectorKeyStore(apiKey: configuration.apiKey, adminKey: configuration.adminKey, seed: configuration.seed)
        limiter = KonnectorRateLimiter(
            perMinute: configuration.perMinuteLimit, perDay: configuration.perDayLimit,
            minuteWindow: configuration.minuteWindow, dayWindow: configuration.dayWindow, clock: configuration.clock)
        seed = configuration.seed
        clock = configuration.clock
    }

    func respond(to request: SandboxHTTPRequest, endpoint: String) async -> SandboxHTTPResponse {
        let requestID = nextRequestID()
        let timestamp = clock.isoTimestamp()

        // The key goes in `Authorization` (the document) or `X-API-KEY` (another doc version).
        // Requests are counted against the key presented, valid or not, so failures count too.
        let presented = [request.header("Authorization"), request.header("X-API-KEY")].compactMap { $0 }
        var role: KonnectorKeyStore.Role?
        var bucket = presented.first ?? ""
        for key in presented {
            if let found = await keys.role(of: key) {
                role = found
                bucket = key
                break
            }
        }
        let decision = await limiter.consume(key: bucket)
        let headers = decision.headers
        if let exceeded = decision.exceeded {
            return .json(429, rateLimitBody(decision, exceeded, requestID: requestID, timestamp: timestamp),
                         headers: headers)
        }

        do {
            guard let role else {
                throw presented.isEmpty ? KonnectorError.missingAPIKey : KonnectorError.invalidAPIKey
            }
            let (message, data) = try await route(request, endpoint: endpoint, role: role,
                                                  requestID: requestID, timestamp: timestamp)
            return .json(200, ["code": 200, "status": true, "message": .string(message), "data": data],
                         headers: headers)
        } catch let error as KonnectorError {
            return .json(error.status, error.body(requestID: requestID, timestamp: timestamp), headers: headers)
        } catch {
            let failure = KonnectorError(
                status: 500, message: "Internal server error", error: "Something went wrong on the server",
                code: "INTERNAL_SERVER_ERROR")
            return .json(500, failure.body(requestID: requestID, timestamp: timestamp), headers: headers)
        }
    }

    private func route(
        _ request: SandboxHTTPRequest, endpoint: String, role: KonnectorKeyStore.Role, requestID: String,
        timestamp: String
    ) async throws -> (String, JSONValue) {
        let method = request.method
        func parameters(_ allowed: [String]) throws(KonnectorError) -> KonnectorParameters {
            guard allowed.contains(method) else { throw .methodNotAllowed(allowed) }
            if method == "POST" {
                return try KonnectorParameters(query: request.query, body: Array(request.body))
            }
            return KonnectorParameters(query: request.query)
        }
        switch endpoint {
        case "/user-campaign-filters":
            _ = try parameters(["GET"])
            return ("Encrypted identifiers retrieved successfully", routes.userCampaignFilters())
        case "/dashboard-info":
            let data = try routes.dashboard(
                try parameters(["GET", "POST"]), requestID: requestID, timestamp: timestamp)
            return ("Dashboard details shared successfully", data)
        case "/campaign-info":
            let data = try routes.campaignInfo(
                try parameters(["GET", "POST"]), requestID: requestID, timestamp: timestamp)
            return ("Campaign info shared successfully", data)
        case "/optimized_routine_data":
            return ("Campaign routine data retrieved successfully", try routes.routineData(try parameters(["GET"])))
        case "/create-api-key":
            let parameters = try parameters(["POST"])
            guard role == .admin else { throw KonnectorError.unauthorizedAccess }
            let request = try routes.validateAPIKeyRequest(parameters)
            let key = await keys.create()
            return ("API key created successfully", routes.apiKeyCreated(key: key, request: request, now: clock.wholeEpochSeconds()))
        default:
            throw KonnectorError.notFound("No endpoint at \(request.path)")
        }
    }

    /// The documented 429 body; `retry_after` is seconds for the minute limit, hours for the day.
    private func rateLimitBody(
        _ decision: KonnectorRateLimiter.Decision, _ exceeded: KonnectorRateLimiter.Decision.Limit,
        requestID: String, timestamp: String
    ) -> JSONValue {
        let message = switch exceeded {
        case .minute: "Rate limit exceeded. Maximum \(decision.limitMinute) requests per minute allowed."
        case .day: "Rate limit exceeded. Maximum \(decision.limitDay) requests per day allowed."
        }
        return [
            "code": 429,
            "status": false,
            "message": .string(message),
            "data": [
                "error": "Too many requests",
                "error_code": "RATE_LIMIT_EXCEEDED",
                "retry_after": .int(decision.retryAfter),
                "request_id": .string(requestID),
                "timestamp": .string(timestamp),
                "rate_limit_info": [
                    "limit_minute": .int(decision.limitMinute),
                    "remaining_minute": .int(decision.remainingMinute),
                    "limit_day": .int(decision.limitDay),
                    "remaining_day": .int(decision.remainingDay),
                ],
            ],
        ]
    }

    /// `req_` and 10 hex digits, a deterministic sequence per server.
    private func nextRequestID() -> String {
        let counter = requestCounter.withLock { value -> UInt64 in
            value += 1
            return value
        }
        var random = SeededRandom(seed: seed, stream: 7_000_000 &+ counter)
        let hex = String(random.next() & 0xFF_FFFF_FFFF, radix: 16)
        return "req_" + String(repeating: "0", count: max(0, 10 - hex.count)) + hex
    }
}
