import Foundation

/// Runs the built `etl` binary as a user would, capturing its exit status and output.
public struct CommandRunner: Sendable {
    /// What one invocation did.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public let executable: URL

    /// Finds `etl` beside the test bundle in the build directory.
    public init() throws {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                             ?? CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("etl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                executable = candidate
                return
            }
            directory = directory.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "etl beside \(testBinary.path)"])
    }

    /// Starts `etl arguments` without waiting; the caller signals and waits for it. Its standard output goes to
    /// `output` when given (see `firstLine(of:)`).
    public func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                      output: Pipe? = nil) throws -> Process {
        let process = etl(arguments, in: directory, environment: environment)
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try Self.launch(process)
        return process
    }

    /// Runs `process` with its exit watched, so `wait(for:)` learns of it without polling.
    public static func launch(_ process: Process) throws {
        process.terminationHandler = { ProcessExits.shared.exited($0.processIdentifier, status: $0.terminationStatus) }
        try process.run()
    }

    /// The first line a started process writes to `pipe`, once written; nil when the process closes its output
    /// first (it exited).
    public static func firstLine(of pipe: Pipe) async -> String? {
        let reader = pipe.fileHandleForReading
        let state = LockedLines()
        return await withCheckedContinuation { continuation in
            reader.readabilityHandler = { handle in
                let chunk = handle.availableData
                guard let line = state.take(chunk) else { return }
                handle.readabilityHandler = nil
                continuation.resume(returning: line.isEmpty && chunk.isEmpty ? nil : line)
            }
        }
    }

    /// Bytes read so far, and whether the first line has been handed out.
    private final class LockedLines: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = Data()
        private var done = false

        /// The first line once `chunk` completes it, "" at the end of the output without one; nil while waiting.
        func take(_ chunk: Data) -> String? {
            lock.withLock {
                guard !done else { return nil }
                buffer.append(chunk)
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    done = true
                    return String(decoding: buffer[..<newline], as: UTF8.self)
                }
                if chunk.isEmpty {
                    done = true
                    return ""
                }
                return nil
            }
        }
    }

    /// Runs a shell command line and returns everything it printed (stdout and stderr together).
    public static func shell(_ command: String, in directory: URL) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " > .shell-output 2>&1"]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        try launch(process)
        _ = await wait(for: process)
        return (try? String(contentsOf: directory.appendingPathComponent(".shell-output"), encoding: .utf8)) ?? ""
    }

    /// Waits for a process started with `start` or `launch` without blocking a thread; returns its exit status. A
    /// process that never exits is bounded by the suite's time limit.
    public static func wait(for process: Process) async -> Int32 {
        await ProcessExits.shared.status(of: process.processIdentifier)
    }

    /// Runs `etl arguments` in `directory` with `environment` added to this process's.
    ///
    /// It waits without blocking a thread: tests that serve the sandbox from their own process
    /// need the cooperative pool free to answer the child's requests.
    public func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> Result {
        let process = etl(arguments, in: directory, environment: environment)
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try Self.launch(process)
        _ = await Self.wait(for: process)
        try outHandle.close()
        try errHandle.close()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// `etl arguments` in `directory` with `environment` added to this process's, not started yet.
    private func etl(_ arguments: [String], in directory: URL, environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        return process
    }
}
