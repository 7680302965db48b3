import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A vendor's outgoing webhook calls: each body is POSTed as JSON to the URL the user registered,
/// and a delivery that fails (no answer, or not 2xx) is tried again a few times, as vendors do, so a
/// receiver must expect the same event more than once.
public actor SandboxWebhookSender {
    /// One delivery as it ended.
    public struct Delivery: Sendable {
        public let url: URL
        public let body: Data
        /// The receiver's HTTP status of the last attempt, nil when it never answered.
        public let status: Int?
        public let attempts: Int
    }

    private var url: URL?
    private var log: [Delivery] = []
    private let attempts: Int
    private let retryDelay: Duration
    private let clock: SandboxClock

    init(attempts: Int = 3, retryDelay: Duration = .milliseconds(200), clock: SandboxClock) {
        self.attempts = attempts
        self.retryDelay = retryDelay
        self.clock = clock
    }

    /// Registers the URL calls go to; nil stops delivering.
    public func register(_ url: URL?) { self.url = url }

    /// The registered URL.
    public var registeredURL: URL? { url }

    /// Every delivery so far, in order.
    public func deliveries() -> [Delivery] { log }

    /// POSTs `body` to the registered URL (nothing when none), retrying as described; returns the
    /// last status, nil when the receiver never answered.
    @discardableResult
    func deliver(_ body: Data, to explicitURL: URL? = nil) async -> Int? {
        guard let target = explicitURL ?? url else { return nil }
        var status: Int?
        var made = 0
        for attempt in 1...attempts {
            made = attempt
            var request = URLRequest(url: target, timeoutInterval: 10)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
            status = (try? await LoopbackHTTP.data(for: request))
                .map { $0.1.statusCode }
            if let status, (200..<300).contains(status) { break }
            if attempt < attempts { await clock.sleep(for: retryDelay * (1 << (attempt - 1))) }
        }
        log.append(Delivery(url: target, body: body, status: status, attempts: made))
        return status
    }
}
