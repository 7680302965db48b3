import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sandbox
import TestSupport
import Testing
import Warehouse

/// `etl webhook serve`, run as the built binary: deliveries are checked, stored durably before the
/// answer, stored once however often they come, and refused when too large.
@Suite(.timeLimit(.minutes(3))) struct WebhookServeTests {
    static let secret = "hook-secret-5f2a"

    private func writeConfig(_ directory: TemporaryDirectory) throws {
        try """
        [warehouse]
        path = "warehouse.sqlite"

        [[sources]]
        name = "acme-linkedapi"
        kind = "linkedapi"
        base_url = "https://api.linkedapi.io"
        api_key_env = "T_LINKEDAPI_TOKEN"
        webhook_secret_env = "T_WEBHOOK_SECRET"
        """.write(to: directory.file("etl.toml"), atomically: true, encoding: .utf8)
    }

    private func post(_ port: Int, _ path: String, _ body: Data, header: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let header { request.setValue(header, forHTTPHeaderField: "X-Webhook-Secret") }
        let (data, response) = try await LoopbackHTTP.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Starts `etl webhook serve` on a port the system picks, and returns once it listens, with that port (read
    /// from the line it prints then).
    private func start(_ directory: TemporaryDirectory) async throws -> (Process, Int) {
        let output = Pipe()
        let process = try CommandRunner().start(["webhook", "serve", "--config", "etl.toml", "--port", "0", "--host", "127.0.0.1"],
                                                in: directory.url, environment: ["T_WEBHOOK_SECRET": Self.secret], output: output)
        let line = await CommandRunner.firstLine(of: output) ?? ""
        guard let address = line.range(of: "http://127.0.0.1:"),
              let port = Int(line[address.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "webhook serve printed \(line)"])
        }
        return (process, port)
    }

    /// Runs `body` with a started `etl webhook serve` and its port, then stops the process and waits
    /// until it has exited (so its port is free), also when `body` throws.
    private func withServe(_ directory: TemporaryDirectory, _ body: (Process, Int) async throws -> Void) async throws {
        try await withFixture(make: { try await start(directory) }, close: { served in
            if served.0.isRunning { served.0.terminate() }
            _ = await CommandRunner.wait(for: served.0)
        }, body: { try await body($0.0, $0.1) })
    }

    private func webhookPages(_ directory: TemporaryDirectory) throws -> [String] {
        try Warehouse(url: directory.file("warehouse.sqlite")).pool.read { db in
            try String.fetchAll(db, sql: "SELECT CAST(body AS TEXT) FROM raw_page WHERE endpoint = 'webhook' ORDER BY id")
        }
    }

    @Test func checksTheSecretStoresOnceAndRefusesOversizedBodies() async throws {
        let directory = try TemporaryDirectory("webhook")
        defer { directory.remove() }
        try writeConfig(directory)
        try await withServe(directory) { process, port in
            let event = Data(#"{"event":"network.connectionAccepted","data":{"accountId":"a1","personUrl":"https://www.linkedin.com/in/ada","detectedAt":"2026-11-20T10:00:00Z"}}"#.utf8)
            #expect(try await post(port, "/webhooks/acme-linkedapi", event).0 == 401, "no secret")
            #expect(try await post(port, "/webhooks/acme-linkedapi?token=wrong", event).0 == 401)
            #expect(try await post(port, "/webhooks/unknown?token=\(Self.secret)", event).0 == 404)
            #expect(try await post(port, "/webhooks/acme-linkedapi?token=\(Self.secret)", Data("not json".utf8)).0 == 400)
            let huge = Data(("{\"padding\":\"" + String(repeating: "x", count: 300_000) + "\"}").utf8)
            #expect(try await post(port, "/webhooks/acme-linkedapi?token=\(Self.secret)", huge).0 == 413)
            let first = try await post(port, "/webhooks/acme-linkedapi?token=\(Self.secret)", event)
            #expect(first.0 == 200 && first.1.contains("stored"))
            let again = try await post(port, "/webhooks/acme-linkedapi", event, header: Self.secret)
            #expect(again.0 == 200 && again.1.contains("duplicate"), "a repeated delivery is acknowledged, not stored again")
            #expect(try webhookPages(directory).count == 1)
            #expect(try !webhookPages(directory).contains { $0.contains(Self.secret) })
        }
    }

    @Test func aDeliveryAnsweredIsInTheRawTableEvenIfTheReceiverIsKilledAtOnce() async throws {
        let directory = try TemporaryDirectory("webhook-kill")
        defer { directory.remove() }
        try writeConfig(directory)
        try await withServe(directory) { process, port throws in
            let body = Data(#"{"status":"completed","workflowId":"wf-1","completion":{"actionType":"st.checkConnectionStatus","label":"inv-1","success":true,"data":{"connectionStatus":"connected"}}}"#.utf8)
            #expect(try await post(port, "/webhooks/acme-linkedapi?token=\(Self.secret)", body).0 == 200)
            kill(process.processIdentifier, SIGKILL)
            _ = await CommandRunner.wait(for: process)
            #expect(try webhookPages(directory) == [String(decoding: body, as: UTF8.self)])
        }
    }

    @Test func aPortInUseIsOneLineNamingTheAddress() async throws {
        let directory = try TemporaryDirectory("webhook-port")
        defer { directory.remove() }
        try writeConfig(directory)
        try await withServe(directory) { process, port in
            let second = try await CommandRunner().run(["webhook", "serve", "--config", "etl.toml", "--port", String(port)],
                                                       in: directory.url, environment: ["T_WEBHOOK_SECRET": Self.secret])
            #expect(second.status == 1)
            #expect(second.stderr == "etl: webhook serve: cannot listen on 127.0.0.1:\(port): address already in use\n", "\(second.stderr)")
        }
    }

    @Test func listensOnThisMachineOnlyUnlessToldOtherwise() async throws {
        let directory = try TemporaryDirectory("webhook-host")
        defer { directory.remove() }
        let help = try await CommandRunner().run(["webhook", "serve", "--help"], in: directory.url)
        #expect(help.status == 0)
        // Help wraps its lines; the words are what matter.
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--host <host> The address to listen on:") && words.contains("(default: 127.0.0.1)"), "\(help.stdout)")
    }

    @Test func refusesToStartWithoutASecretToCheck() async throws {
        let directory = try TemporaryDirectory("webhook-nosecret")
        defer { directory.remove() }
        try writeConfig(directory)
        let result = try await CommandRunner().run(["webhook", "serve", "--config", "etl.toml", "--port", "0"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("T_WEBHOOK_SECRET"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
