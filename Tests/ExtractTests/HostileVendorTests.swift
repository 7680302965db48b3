import Chronology
import Extract
import Foundation
import Logging
import Pipeline
import TestSupport
import Testing
import Vendors
import Warehouse

/// A vendor that misbehaves on purpose, over real HTTP on loopback: redirects to other hosts,
/// trickled or silent bodies, encodings nobody asked for, 429s that say little, secrets echoed in
/// other spellings. Each ends in one line naming the source and the endpoint, within a bounded time.
@Suite struct HostileVendorTests {
    static let key = "k3y+/=with space~secret"
    static let endpoint = Endpoint(.post, "/campaign-info")

    /// What `FetchSession` the tests drive, with the recorded waits of its rate budget.
    struct Harness {
        let session: FetchSession
        let warehouse: Warehouse
        let directory: TemporaryDirectory
        /// The rate budget's time: its waits are recorded, not slept. The session's own (its retries, the run
        /// deadline that cuts a stalled answer) is the machine's unless a test gives it this one: these vendors stall
        /// real sockets.
        let time: ManualTime

        func rawPages() throws -> [Row] {
            try warehouse.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM raw_page ORDER BY id") }
        }
    }

    /// Calls counted from the vendor's handler thread.
    final class PauseLog: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Duration] = []
        func add(_ duration: Duration) { lock.withLock { list.append(duration) } }
        var all: [Duration] { lock.withLock { list } }
    }

    static func harness(_ server: HostileServer, requestTimeout: Duration = .seconds(10), runTimeout: Duration = .seconds(60),
                        maxBodyBytes: Int = 64 << 20, maxAttempts: Int = 2, time: ManualTime = ManualTime(),
                        sessionTime: any TimeSource = SystemTime()) throws -> Harness {
        let directory = try TemporaryDirectory("hostile")
        let warehouse = try Warehouse(url: directory.file("warehouse.sqlite"))
        var settings = SourceSettings(name: "acme-konnector", kind: .konnector, baseURL: server.baseURL.appendingPathComponent("api"),
                                      authHeaders: KonnectorAPI.authHeaders(apiKey: key), secrets: [key],
                                      retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(5), maxDelay: .milliseconds(10)))
        settings.requestTimeout = requestTimeout
        settings.runTimeout = runTimeout
        settings.maxBodyBytes = maxBodyBytes
        let budget = RateBudget(window: .seconds(60), time: time)
        let session = FetchSession(source: settings, client: NIOHTTPClient(), warehouse: warehouse,
                                   runID: try RunLog(warehouse: warehouse).beginRun(command: "test"), budget: budget,
                                   logger: Logger(label: "test"), time: sessionTime)
        return Harness(session: session, warehouse: warehouse, directory: directory, time: time)
    }

    static func failure(_ harness: Harness, _ parameters: Parameters = Parameters(["page": .integer(1)])) async -> String {
        do {
            _ = try await harness.session.fetch(endpoint, parameters)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    // MARK: Redirects

    @Test(arguments: [301, 307])
    func aRedirectToAnotherHostIsRefusedAndTheKeyNeverLeaves(status: Int) async throws {
        let elsewhere = try HostileServer { _ in [.send(HostileServer.json(#"{"data":{}}"#))] }
        defer { elsewhere.close() }
        let target = elsewhere.baseURL.appendingPathComponent("steal").absoluteString
        let vendor = try HostileServer { _ in [.send(HostileServer.answer(status: status, headers: ["Location": target]))] }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        #expect(message.hasPrefix("acme-konnector: campaign-info: HTTP \(status), redirected to another origin (http://127.0.0.1:\(elsewhere.port))"), "\(message)")
        #expect(message.contains("not followed"))
        #expect(elsewhere.requests.isEmpty, "the other host was never contacted")
        #expect(vendor.requests.count == 1)
        #expect(try harness.rawPages().allSatisfy { ($0["http_status"] as Int) == status }, "nothing from the other host is landed")
    }

    @Test func aSameOriginRedirectIsFollowedOnceKeepingMethodAndBody() async throws {
        let vendor = try HostileServer { request in
            request.path.hasSuffix("/moved")
                ? [.send(HostileServer.json(#"{"data":{"campaign_info":[]}}"#))]
                : [.send(HostileServer.answer(status: 307, headers: ["Location": "/api/moved"]))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }

        let page = try await harness.session.fetch(Self.endpoint, Parameters(["page": .integer(1)]))
        #expect(page.json.at("data", "campaign_info") != nil)
        let requests = vendor.requests
        #expect(requests.map(\.method) == ["POST", "POST"])
        #expect(requests.map(\.path) == ["/api/campaign-info", "/api/moved"])
        #expect(requests[1].body == requests[0].body && !requests[1].body.isEmpty)
        #expect(requests[1].headers["authorization"] == Self.key)
    }

    @Test func aSecondRedirectIsAnError() async throws {
        let vendor = try HostileServer { request in
            [.send(HostileServer.answer(status: 302, headers: ["Location": request.path + "x"]))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }
        let message = await Self.failure(harness)
        #expect(message.contains("campaign-info: HTTP 302, redirected a second time (to 127.0.0.1)"), "\(message)")
        #expect(vendor.requests.count == 2)
    }

    // MARK: Deadlines

    @Test func aTricklingBodyEndsAtTheRequestDeadline() async throws {
        let head = Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n".utf8)
        let vendor = try HostileServer { _ in
            [.send(head)] + (0..<300).flatMap { _ in [HostileServer.Step.send(Data(" ".utf8)), .pause(.milliseconds(100))] }
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor, requestTimeout: .milliseconds(600))
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        #expect(message == "acme-konnector: campaign-info: network error: no complete answer within the request deadline of 0.6 s", "\(message)")
        #expect(vendor.requests.count == 2, "each of the two attempts was cut at its deadline")
    }

    @Test func aSilentVendorFailsTheSourceAtItsRunDeadline() async throws {
        let head = Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n".utf8)
        let vendor = try HostileServer { _ in [.send(head), .pause(.seconds(30))] }
        defer { vendor.close() }
        let harness = try Self.harness(vendor, requestTimeout: .seconds(20), runTimeout: .seconds(1), maxAttempts: 5)
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        #expect(message.hasPrefix("acme-konnector: campaign-info: stopped at the source's run deadline of 1 s (run_timeout_minutes)"), "\(message)")
        #expect(vendor.requests.count == 1, "the request was cut at the run's deadline, and no retry began after it")
    }

    @Test func aHangingSourceFailsAtItsRunDeadlineAndTheNextSourceStillRuns() async throws {
        let head = Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n".utf8)
        let hanging = try HostileServer { _ in [.send(head), .pause(.seconds(30))] }
        defer { hanging.close() }
        try await KonnectorFixture.with { fixture in
            var stuck = SourceConfiguration(name: "stuck-konnector", kind: .konnector, baseURL: hanging.baseURL, apiKeyEnv: "TEST_KONNECTOR_KEY")
            stuck.runTimeout = .seconds(1)
            let healthy = SourceConfiguration(name: "acme-konnector", kind: .konnector, baseURL: fixture.server.konnectorBaseURL,
                                              apiKeyEnv: "TEST_KONNECTOR_KEY", pageSize: 5)
            let configuration = PipelineConfiguration(warehouse: fixture.warehouse.url, reportsDirectory: fixture.directory.file("reports"), formats: KonnectorFixture.reportFormats,
                                                      sources: [stuck, healthy])
            let runner = PipelineRunner(configuration: configuration, environment: ["TEST_KONNECTOR_KEY": fixture.configuration.apiKey],
                                        retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(10)),
                                        logger: Logger(label: "test"))

            let result = try await runner.run()
            #expect(result.outcomes.map(\.status) == [.failed, .ok])
            #expect(result.outcomes[0].error == "stuck-konnector: user-campaign-filters: stopped at the source's run deadline of 1 s (run_timeout_minutes); the next run goes on from here")
            #expect(try !fixture.rows(of: "report_campaign_summary").isEmpty, "the healthy source was loaded and reported")
        }
    }

    // MARK: Bodies

    @Test func anEncodingNotAskedForIsRefusedUnread() async throws {
        let vendor = try HostileServer { _ in
            [.send(HostileServer.answer(status: 200, headers: ["Content-Type": "application/json", "Content-Encoding": "gzip",
                                                               "Content-Length": "2000000"])),
             .send(Data(repeating: 0x1F, count: 4096)), .pause(.seconds(20))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        #expect(message.hasPrefix("acme-konnector: campaign-info: malformed response: the body came with Content-Encoding gzip, which was not asked for"), "\(message)")
        #expect(vendor.requests.first?.headers["accept-encoding"] == "identity")
    }

    @Test func aBodyPastTheLimitStopsBeingReadAsItArrives() async throws {
        let vendor = try HostileServer { _ in
            // It announces 100 MB and stalls after 2 MB: a client that read to the end would sit at its deadline.
            [.send(Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n".utf8)),
             .send(Data(repeating: UInt8(ascii: " "), count: 2 << 20)), .pause(.seconds(20))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor, requestTimeout: .seconds(15), maxBodyBytes: 1 << 20)
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        #expect(message.contains("campaign-info: HTTP 200, malformed response: the body exceeds the limit of 1048576 bytes; reading stopped there"), "\(message)")
        let kept = try harness.rawPages()
        #expect(kept.count == 1 && (kept[0]["body"] as Data).count == 1 << 20)
    }

    // MARK: 429 answers

    @Test func retryAfterZeroBacksOffExponentiallyFromOneSecond() async throws {
        let counter = PauseLog()
        let vendor = try HostileServer { _ in
            counter.add(.zero)
            return counter.all.count <= 3
                ? [.send(HostileServer.json(#"{"code":429,"status":false,"message":"slow down"}"#, status: 429, headers: ["Retry-After": "0"]))]
                : [.send(HostileServer.json(#"{"data":{}}"#))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }

        _ = try await harness.session.fetch(Self.endpoint)
        #expect(harness.time.waits == [.seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func retryAfterAsAnHTTPDateIsWaitedOut() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let counter = PauseLog()
        // The vendor names a moment 30 s on the session's own (virtual) wall clock, so the wait is exact.
        let time = ManualTime(startingAt: Date(timeIntervalSince1970: 1_800_000_000))
        let vendor = try HostileServer { _ in
            counter.add(.zero)
            let when = formatter.string(from: time.date().addingTimeInterval(30))
            return counter.all.count == 1
                ? [.send(HostileServer.json("{}", status: 429, headers: ["Retry-After": when]))]
                : [.send(HostileServer.json(#"{"data":{}}"#))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor, time: time, sessionTime: time)
        defer { harness.directory.remove() }

        _ = try await harness.session.fetch(Self.endpoint)
        #expect(harness.time.waits == [.seconds(30)])
    }

    @Test func aRateLimitWaitPastTheRunDeadlineFailsTheSourceAtOnce() async throws {
        let vendor = try HostileServer { _ in [.send(HostileServer.json("{}", status: 429, headers: ["Retry-After": "30"]))] }
        defer { vendor.close() }
        let harness = try Self.harness(vendor, runTimeout: .seconds(5))
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        #expect(message.hasPrefix("acme-konnector: campaign-info: stopped at the source's run deadline of 5 s"), "\(message)")
        #expect(harness.time.waits.isEmpty, "no wait was begun that the deadline would cut")
    }

    @Test func aMinuteLimitAskingForADayStopsAndSaysWhatTheVendorSaid() async throws {
        let vendor = try HostileServer { _ in
            [.send(HostileServer.json(#"{"message":"Too many requests per minute"}"#, status: 429, headers: ["Retry-After": "86400"]))]
        }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }

        let message = await Self.failure(harness)
        let tomorrow = Timestamp.string(Date().addingTimeInterval(86_460)).prefix(10)
        #expect(message.hasPrefix("acme-konnector: campaign-info: HTTP 429, rate limited for longer than the vendor's short window: it asks to wait 86400 s (Retry-After: 86400); stopped, resumes after \(tomorrow) "), "\(message)")
        #expect(!message.contains("daily API budget"))
        #expect(harness.time.waits.isEmpty)
    }

    // MARK: Secrets and verbatim bodies

    @Test func everySpellingOfTheKeyIsRedactedAndOtherBytesKeptVerbatim() async throws {
        let key = Self.key
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let upper = key.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let lower = upper.replacingOccurrences(of: "%2B", with: "%2b").replacingOccurrences(of: "%2F", with: "%2f")
            .replacingOccurrences(of: "%3D", with: "%3d")
        let form = upper.replacingOccurrences(of: "%20", with: "+")
        let base64 = Data(key.utf8).base64EncodedString()
        let base64url = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let basic = "Basic " + Data(("user:" + key).utf8).base64EncodedString()
        let slashes = key.replacingOccurrences(of: "/", with: "\\/")
        let spellings = [key, upper, lower, form, base64, base64url, slashes]
        var body = Data(#"{"data":{"echo":["#.utf8)
        body += Data(spellings.map { "\"\($0)\"" }.joined(separator: ",").utf8)
        body += Data(#","\#(basic)"],"name":"caf"#.utf8) + Data([0xE9, 0xFF]) + Data(#""}}"#.utf8)
        let answer = HostileServer.answer(status: 200, headers: ["Content-Type": "application/json"], body: body)
        let vendor = try HostileServer { _ in [.send(answer)] }
        defer { vendor.close() }
        let harness = try Self.harness(vendor)
        defer { harness.directory.remove() }

        _ = try await harness.session.fetch(Self.endpoint, Parameters(["hook": .string("https://hooks.example/x?token=" + upper)]))
        let page = try #require(try harness.rawPages().first)
        let stored = page["body"] as Data
        let text = String(decoding: stored, as: UTF8.self)
        for spelling in spellings + [String(basic.dropFirst(8).dropLast(4))] {
            #expect(!text.contains(spelling), "\(spelling) is still in the raw page")
        }
        #expect(text.components(separatedBy: "[redacted]").count - 1 == spellings.count + 1)
        #expect(stored.range(of: Data([0x63, 0x61, 0x66, 0xE9, 0xFF])) != nil, "invalid UTF-8 is stored as it came")
        let parameters = page["parameters"] as String
        #expect(!parameters.contains(upper) && parameters.contains("[redacted]"), "\(parameters)")
    }
}
