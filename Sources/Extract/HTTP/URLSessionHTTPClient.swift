import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production `HTTPClient`: Foundation's URLSession (libcurl underneath on Linux), driven
/// through a delegate so that redirects come back unfollowed, the body is counted as it arrives
/// and the whole exchange is cancelled at its deadline.
public final class URLSessionHTTPClient: HTTPClient {
    private let session: URLSession
    private let transfers: TransferDelegate

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        transfers = TransferDelegate()
        session = URLSession(configuration: configuration, delegate: transfers, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The idle timeout is only a backstop: the deadline below bounds the whole exchange.
        var urlRequest = URLRequest(url: request.url, timeoutInterval: max(1, request.deadline.timeInterval))
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        // A compressed body can decode to gigabytes before any size check sees it: ask for none.
        urlRequest.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        let task = session.dataTask(with: urlRequest)
        let transfers = self.transfers
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                transfers.begin(task, limit: request.maxBodyBytes, continuation: continuation)
                task.resume()
                let deadline = request.deadline
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline.timeInterval) {
                    transfers.expire(task, after: deadline)
                }
            }
        } onCancel: {
            task.cancel()
        }
    }
}

/// The state of every transfer in flight, fed by URLSession's delegate callbacks.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Transfer {
        var limit: Int
        var continuation: CheckedContinuation<HTTPResponse, any Error>
        var response: HTTPURLResponse?
        var body = Data()
        var exceededLimit = false
        /// Set when the transfer was stopped on purpose; it is the answer the caller gets.
        var stop: HTTPClientError?
    }

    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func begin(_ task: URLSessionTask, limit: Int, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        lock.withLock { transfers[task.taskIdentifier] = Transfer(limit: limit, continuation: continuation) }
    }

    /// Stops a transfer still running at its deadline.
    func expire(_ task: URLSessionTask, after deadline: Duration) {
        let running = lock.withLock { () -> Bool in
            guard transfers[task.taskIdentifier] != nil else { return false }
            transfers[task.taskIdentifier]?.stop = .deadlineExceeded(deadline)
            return true
        }
        if running { task.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // The 3xx answer itself is the response; FetchSession decides where credentials may go.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        let encoding = (http?.value(forHTTPHeaderField: "Content-Encoding") ?? "").trimmingCharacters(in: .whitespaces)
        let refused = !encoding.isEmpty && encoding.lowercased() != "identity"
        lock.withLock {
            transfers[dataTask.taskIdentifier]?.response = http
            if refused { transfers[dataTask.taskIdentifier]?.stop = .unrequestedEncoding(encoding) }
        }
        completionHandler(refused ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let full = lock.withLock { () -> Bool in
            guard var transfer = transfers[dataTask.taskIdentifier], !transfer.exceededLimit else { return false }
            let room = transfer.limit - transfer.body.count
            if data.count > room {
                transfer.body.append(data.prefix(max(0, room)))
                transfer.exceededLimit = true
            } else {
                transfer.body.append(data)
            }
            transfers[dataTask.taskIdentifier] = transfer
            return transfer.exceededLimit
        }
        if full { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        if transfer.exceededLimit, let response = transfer.response {
            transfer.continuation.resume(returning: Self.response(response, body: transfer.body, exceededLimit: true))
        } else if let stop = transfer.stop {
            transfer.continuation.resume(throwing: stop)
        } else if let error {
            transfer.continuation.resume(throwing: (error as? URLError)?.code == .cancelled
                ? CancellationError() : HTTPClientError.transport(Self.describe(error)))
        } else if let response = transfer.response {
            transfer.continuation.resume(returning: Self.response(response, body: transfer.body, exceededLimit: false))
        } else {
            transfer.continuation.resume(throwing: HTTPClientError.transport("the server sent no HTTP response"))
        }
    }

    private static func response(_ http: HTTPURLResponse, body: Data, exceededLimit: Bool) -> HTTPResponse {
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key)] = String(describing: value)
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: body, bodyExceededLimit: exceededLimit)
    }

    /// URLError's own text, without the request URL Foundation appends (it may hold a query).
    private static func describe(_ error: any Error) -> String {
        guard let urlError = error as? URLError else { return String(describing: error) }
        return "\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
    }
}
