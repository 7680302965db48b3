import AsyncHTTPClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends a `URLRequest` over AsyncHTTPClient: how the emulators deliver webhooks, and how tests talk to the
/// sandbox and the receivers, each request on a connection of its own. Redirects come back unfollowed. Foundation's URLSession is not used: on Linux its
/// sources keep firing for connections a stopped server closed, which cost the test suite seconds of CPU.
public enum LoopbackHTTP {
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    /// The answer's body and head, as `URLSession.data(for:)` gives them; a server that cannot be reached throws
    /// `URLError(.cannotConnectToHost)`.
    public static func data(for request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        guard let url = request.url else { throw URLError(.badURL) }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.httpMethod ?? "GET")
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            outgoing.headers.replaceOrAdd(name: name, value: value)
        }
        // A connection kept for the next request could lead to a server the test has stopped since.
        outgoing.headers.replaceOrAdd(name: "Connection", value: "close")
        if let body = request.httpBody {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let timeout = TimeAmount.milliseconds(Int64(request.timeoutInterval * 1000))
        let response: HTTPClientResponse
        var body: ByteBuffer
        do {
            response = try await client.execute(outgoing, timeout: timeout)
            body = try await response.body.collect(upTo: 256 << 20)
        } catch let error as HTTPClientError where error == .connectTimeout || error == .remoteConnectionClosed {
            throw URLError(.cannotConnectToHost)
        } catch is NIOConnectionError {
            throw URLError(.cannotConnectToHost)
        } catch let error as IOError {
            throw URLError(.cannotConnectToHost, userInfo: [NSLocalizedDescriptionKey: "\(error)"])
        }
        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        guard let head = HTTPURLResponse(url: url, statusCode: Int(response.status.code), httpVersion: "HTTP/1.1",
                                         headerFields: headers) else { throw URLError(.badServerResponse) }
        return (Data(body.readBytes(length: body.readableBytes) ?? []), head)
    }
}
