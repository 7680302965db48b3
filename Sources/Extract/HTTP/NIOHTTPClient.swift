import AsyncHTTPClient
import Chronology
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The production `HTTPClient`: AsyncHTTPClient on SwiftNIO's shared event loops, with redirects returned
/// unfollowed, no decompression, the body counted as it arrives and the whole exchange ended at its deadline.
///
/// One AsyncHTTPClient serves the process, so connections to a vendor are kept alive between requests. It replaced
/// Foundation's URLSession, which on Linux drives libcurl through Dispatch sources and cost about 3 ms of CPU per
/// request: more than parsing and landing the page.
public struct NIOHTTPClient: HTTPClient {
    public init() {}

    /// Never shut down: it lives as long as the process, like the event loops it runs on.
    private static let shared: AsyncHTTPClient.HTTPClient = {
        var configuration = AsyncHTTPClient.HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)), decompression: .disabled)
        // A refused connection fails the attempt at once; `FetchSession` decides whether and when to try again.
        configuration.connectionPool.retryConnectionEstablishment = false
        return AsyncHTTPClient.HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let deadline = request.deadline
        return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await Self.exchange(request) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            do {
                guard let first = try await group.next(), let response = first else {
                    throw HTTPClientError.deadlineExceeded(deadline)
                }
                return response
            } catch let error as HTTPClientError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                // AsyncHTTPClient's own deadline (the same instant, for the head) may fire before the one above.
                if let failure = error as? AsyncHTTPClient.HTTPClientError, failure == .deadlineExceeded {
                    throw HTTPClientError.deadlineExceeded(deadline)
                }
                throw HTTPClientError.transport(Self.describe(error))
            }
        }
    }

    /// The request sent and its answer read, up to the body's size limit.
    private static func exchange(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers {
            outgoing.headers.replaceOrAdd(name: name, value: value)
        }
        // A compressed body can decode to gigabytes before any size check sees it: ask for none.
        outgoing.headers.replaceOrAdd(name: "Accept-Encoding", value: "identity")
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await shared.execute(outgoing, deadline: .now() + .nanoseconds(Int64(request.deadline.timeInterval * 1e9)))
        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let encoding = (response.headers.first(name: "Content-Encoding") ?? "").trimmingCharacters(in: .whitespaces)
        if !encoding.isEmpty, encoding.lowercased() != "identity" {
            throw HTTPClientError.unrequestedEncoding(encoding)
        }
        var body = Data()
        for try await part in response.body {
            let room = request.maxBodyBytes - body.count
            if part.readableBytes > room {
                body.append(contentsOf: part.readableBytesView.prefix(max(0, room)))
                return HTTPResponse(status: Int(response.status.code), headers: headers, body: body, bodyExceededLimit: true)
            }
            body.append(contentsOf: part.readableBytesView)
        }
        return HTTPResponse(status: Int(response.status.code), headers: headers, body: body)
    }

    /// The error's own text: AsyncHTTPClient's and NIO's name the failure and the host, never the request's query.
    private static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
