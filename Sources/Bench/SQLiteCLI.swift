import Foundation

/// The `sqlite3` command-line shell (Debian's `sqlite3` package, which `make bench` installs).
enum SQLiteCLI {
    /// Its path: the first `sqlite3` on `PATH`, else `/usr/bin/sqlite3`.
    static let path: String = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/sqlite3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "/usr/bin/sqlite3"
    }()
}
