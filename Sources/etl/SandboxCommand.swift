import ArgumentParser
import Foundation
import Sandbox

/// `etl sandbox`: serve the sandbox vendor APIs until stopped.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Serve the sandbox vendor APIs on loopback until interrupted.")

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "Sandbox data size.")
    var scale = 1

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (1...1000).contains(scale) else { throw ValidationError("--scale must be from 1 to 1000") }
    }

    func run() async throws {
        let configuration = SandboxConfiguration(scale: scale)
        let signals = SignalWaiter()
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start(port: port)
        var lines = ["Konnector: \(server.konnectorBaseURL.absoluteString)  (Authorization: \(configuration.apiKey))"]
        for user in server.weConnect.users {
            lines.append("WeConnect: \(server.weConnectBaseURL.absoluteString)  (login \(user.email) / \(user.password))")
        }
        lines.append("WeConnect Pusher socket: \(server.weConnectSocketURL.absoluteString)")
        let accounts = server.weLink.accounts.map(\.id).joined(separator: ", ")
        lines.append("We-Link: \(server.weLinkBaseURL.absoluteString)  (x-api-key: \(configuration.weLinkAPIKey), x-api-secret: \(configuration.weLinkAPISecret); accounts \(accounts))")
        lines.append("Linked API: \(server.linkedAPIBaseURL.absoluteString)  (linked-api-token: \(configuration.linkedAPIToken), identification-token: \(configuration.linkedAPIIdentificationToken))")
        lines.append("Press Ctrl-C to stop.")
        // Written unbuffered, so a script reading the URLs sees them at once.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        await signals.wait()
        await server.stop()
    }
}
