import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Warehouse

/// A misbehaving vendor on loopback, written with plain sockets so a test controls every byte:
/// it redirects, trickles, goes silent or sends encodings nobody asked for. It records each request
/// it receives, and every connection thread ends by itself when its script ends or the client leaves.
public final class HostileServer: @unchecked Sendable {
    /// One request as the server read it.
    public struct Request: Sendable {
        public let method: String
        public let path: String
        /// Header names in lower case.
        public let headers: [String: String]
        public let body: Data
    }

    /// What the server does on a connection, step by step.
    public enum Step: Sendable {
        case send(Data)
        /// The server's own pause (a vendor being slow), not the test waiting.
        case pause(Duration)
    }

    private let listener: Int32
    public let port: Int
    private let lock = NSLock()
    private var received: [Request] = []
    private let script: @Sendable (Request) -> [Step]

    /// Starts listening on a free loopback port; `script` decides the answer to each request.
    public init(script: @escaping @Sendable (Request) -> [Step]) throws {
        self.script = script
        (listener, port) = try LoopbackSocket.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Every request received so far.
    public var requests: [Request] { lock.withLock { received } }

    private var closed = false

    /// Stops accepting connections.
    public func close() {
        guard lock.withLock({ () -> Bool in defer { closed = true }; return !closed }) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    deinit { close() }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            var noSignal: Int32 = 1
            setsockopt(connection, SOL_SOCKET, SO_KEEPALIVE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { Glibc.close(connection) }
        guard let request = read(connection) else { return }
        lock.withLock { received.append(request) }
        for step in script(request) {
            switch step {
            case .send(let data):
                let sent = data.withUnsafeBytes { Glibc.send(connection, $0.baseAddress, data.count, Int32(MSG_NOSIGNAL)) }
                guard sent == data.count else { return }
            case .pause(let duration):
                Thread.sleep(forTimeInterval: duration.timeInterval)
            }
        }
    }

    private func read(_ connection: Int32) -> Request? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
        let headEnd = buffer.range(of: separator)!
        let head = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headEnd.upperBound...])
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while body.count < length {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: chunk[0..<count])
        }
        return Request(method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
                       headers: headers, body: body)
    }

    /// A whole HTTP/1.1 answer with a fixed length.
    public static func answer(status: Int, headers: [String: String] = [:], body: Data = Data()) -> Data {
        var text = "HTTP/1.1 \(status) Whatever\r\n"
        var all = headers
        if all["Content-Length"] == nil { all["Content-Length"] = String(body.count) }
        all["Connection"] = "close"
        for (name, value) in all.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8) + body
    }

    /// A JSON answer.
    public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Data {
        answer(status: status, headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old }, body: Data(text.utf8))
    }
}
