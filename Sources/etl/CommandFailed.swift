/// A command that could not do its work for a reason outside any source (a port in use); the CLI
/// exits 1 with `etl: <command>: <cause>`.
struct CommandFailed: Error, CustomStringConvertible {
    let command: String
    let cause: String
    var description: String { "\(command): \(cause)" }
}
