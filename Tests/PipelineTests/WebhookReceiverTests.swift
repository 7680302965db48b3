import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import Logging
@testable import Pipeline
import Sandbox
import TestSupport
import Testing
import Warehouse

/// The receiver facing hostile or broken clients: refusals are logged safely, silent connections
/// are closed, and an address in use is one clear error.
@Suite struct WebhookReceiverTests {
    static let secret = "receiver-secret-81c4"
    static let source = "acme-linkedapi"

    private func receiver(_ directory: TemporaryDirectory, idleTimeout: Duration = WebhookReceiver.defaultIdleTimeout,
                          lines: LogLines = LogLines()) throws -> WebhookReceiver {
        var source = SourceConfiguration(name: Self.source, kind: .linkedapi, baseURL: try #require(URL(string: "https://api.linkedapi.io")),
                                         apiKeyEnv: "T_TOKEN")
        source.webhookSecretEnv = "T_HOOK_SECRET"
        let configuration = PipelineConfiguration(warehouse: directory.file("warehouse.sqlite"), reportsDirectory: directory.file("reports"),
                                                  sources: [source])
        let warehouse = try Warehouse(url: configuration.warehouse)
        return try WebhookReceiver(configuration: configuration, environment: ["T_HOOK_SECRET": Self.secret], warehouse: warehouse,
                                   runID: try RunLog(warehouse: warehouse).beginRun(command: "webhook"), maxBodyBytes: 1_000,
                                   idleTimeout: idleTimeout, logger: lines.logger())
    }

    private func post(_ port: Int, _ path: String, _ body: Data = Data("{}".utf8)) async throws -> Int {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = "POST"
        request.httpBody = body
        let (_, response) = try await LoopbackHTTP.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func everyRefusedDeliveryIsLoggedAsAWarningWithItsPathAndNeverTheSecret() async throws {
        let directory = try TemporaryDirectory("receiver-refusals")
        defer { directory.remove() }
        let lines = LogLines()
        try await RunningWebhookReceiver.with(receiver(directory, lines: lines)) { running in
            let port = running.port
            #expect(try await post(port, "/webhooks/nobody?token=\(Self.secret)") == 404)
            #expect(try await post(port, "/webhooks/\(Self.source)?token=wrong") == 401)
            #expect(try await post(port, "/webhooks/\(Self.source)?token=\(Self.secret)", Data(repeating: 0x20, count: 5_000)) == 413)
            #expect(try await post(port, "/webhooks/\(Self.source)/extra") == 404, "a name with a slash reaches no source")
            #expect(try await post(port, "/webhooks/\(Self.secret)/misplaced") == 404)
            #expect(try await post(port, "/hooks/\(Self.source)") == 404)
            try await running.stop()

            let warnings = lines.all.filter { $0.level == .warning }.map(\.text)
            let expected = [
                "webhook: delivery to /webhooks/nobody refused: no webhook source of that name",
                "\(Self.source): webhook: delivery to /webhooks/\(Self.source) refused: the shared secret is missing or wrong",
                "\(Self.source): webhook: delivery to /webhooks/\(Self.source) refused: the body exceeds 1000 bytes",
                "webhook: delivery to /webhooks/\(Self.source)/extra refused: no webhook source of that name",
                "webhook: delivery to /webhooks/[redacted]/misplaced refused: no webhook source of that name",
                "webhook: delivery to /hooks/\(Self.source) refused: no webhook source of that name",
            ]
            #expect(warnings == expected)
            #expect(!lines.all.contains { $0.text.contains(Self.secret) })
        }
    }

    @Test func aLoggedPathHasNoRawControlCharacterAndAnEndOfItsOwn() throws {
        let directory = try TemporaryDirectory("receiver-paths")
        defer { directory.remove() }
        let receiver = try receiver(directory)
        #expect(receiver.loggable("/webhooks/a\u{1B}[2J\nforged line\u{202E}") == #"/webhooks/a\u{1B}[2J\u{A}forged line\u{202E}"#)
        let long = receiver.loggable("/" + String(repeating: "x", count: 500))
        #expect(long.count == WebhookReceiver.loggedPathLength + 3 && long.hasSuffix("..."))
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() async throws {
        let directory = try TemporaryDirectory("receiver-idle")
        defer { directory.remove() }
        try await RunningWebhookReceiver.with(receiver(directory, idleTimeout: .milliseconds(300))) { running in
            #if canImport(Glibc)
            let streamType = Int32(SOCK_STREAM.rawValue)
            #else
            let streamType = SOCK_STREAM
            #endif
            let descriptor = socket(AF_INET, streamType, 0)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(running.port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(connected == 0)
            // A safety net far longer than the timeout under test, so a server that never closes fails
            // the test instead of hanging it.
            var limit = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            var byte: UInt8 = 0
            let received = recv(descriptor, &byte, 1, 0)
            #expect(received == 0, "the server closes the silent connection (recv: \(received), errno \(errno))")
        }
    }

    @Test func aPortInUseIsOneErrorNamingTheAddress() async throws {
        let directory = try TemporaryDirectory("receiver-port")
        defer { directory.remove() }
        try await RunningWebhookReceiver.with(receiver(directory)) { first in
            let error = await #expect(throws: WebhookReceiver.ListenError.self) {
                _ = try await receiver(directory).start(host: "127.0.0.1", port: first.port)
            }
            #expect(error?.description == "cannot listen on 127.0.0.1:\(first.port): address already in use")
        }
    }
}
