import Foundation

/// Makes a directory and the files in it unwritable to this process and the `etl` it starts, until
/// `restore()`: by mode bits for an ordinary user, and by the immutable attribute (`chattr +i`)
/// when the tests run as root, whom mode bits do not stop.
struct ReadOnlyDirectory {
    let url: URL
    private let paths: [String]

    init(_ url: URL) throws {
        self.url = url
        let files = try FileManager.default.contentsOfDirectory(atPath: url.path).map { url.appendingPathComponent($0).path }
        paths = files + [url.path]
        if getuid() == 0 {
            try Self.chattr("+i", paths)
        } else {
            for file in files { try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file) }
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path)
        }
    }

    /// Whether this process really cannot create a file in it: the precondition of a test about it.
    var refusesNewFiles: Bool {
        let probe = url.appendingPathComponent(".probe-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: probe, contents: nil) else { return true }
        try? FileManager.default.removeItem(atPath: probe)
        return false
    }

    /// Makes everything writable again, so the test's directory can be removed.
    func restore() {
        if getuid() == 0 {
            try? Self.chattr("-i", paths)
        } else {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    private static func chattr(_ flag: String, _ paths: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag] + paths
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
}
