import ArgumentParser
import Foundation
import Pipeline

/// The `etl` command: LinkedIn outreach analytics from vendor APIs to CSV, XLSX and HTML.
@main
struct ETL: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etl",
        abstract: "Pull LinkedIn outreach data from automation vendors into a SQLite star schema and render reports.",
        subcommands: [RunCommand.self, ExtractCommand.self, TransformCommand.self, ReportCommand.self, TrackCommand.self, ImportCommand.self, ListenCommand.self, WebhookCommand.self,
                      StatusCommand.self, PublishCommand.self, DemoCommand.self, SandboxCommand.self])

    /// Runs the command and maps every failure to the contract's exit status with one line on
    /// stderr: 2 for usage and configuration errors, 1 for anything that failed while running.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ConfigurationError {
            fail(error.description, status: 2)
        } catch let error as RunFailed {
            fail(error.description, status: 1)
        } catch let error as PublishFailed {
            fail(error.description, status: 1)
        } catch let error as WarehouseLock.Busy {
            fail(error.description, status: 1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            } else if code == .validationFailure {
                fail(fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "usage error", status: 2)
            } else if error is ExitCode || error is CleanExit {
                exit(withError: error)
            } else {
                fail(String(describing: error), status: 1)
            }
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("etl: \(line)\n".utf8))
        Foundation.exit(status)
    }
}

/// A publish that failed for some destinations (each logged in its own line); the CLI exits 1.
struct PublishFailed: Error, CustomStringConvertible {
    let destinations: [String]
    var description: String {
        "publish failed for \(destinations.joined(separator: ", ")) (the warehouse and the reports are unchanged; the next run publishes again)"
    }
}

/// A run that finished but with failed sources; the CLI exits 1.
struct RunFailed: Error, CustomStringConvertible {
    let failedSources: [String]
    var description: String { "failed sources: \(failedSources.joined(separator: ", ")) (the others were loaded and reported)" }
}
