import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Warehouse

/// A child process run to its end, with its own peak memory, so a stage's figure holds only what
/// that stage needed, never the harness's sandbox and generated data.
///
/// The peak is the child's `VmHWM`, read from `/proc/<pid>/status` while it runs (it only grows, so
/// the last reading is its peak to within one polling interval). Not `wait4`'s `ru_maxrss`: Linux
/// carries the high-water mark of the memory a process had before `exec` into it, and a spawned
/// child's was the parent's.
struct ChildRun: Sendable {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    /// Its standard output (empty when it went to a file).
    var output: Data
    /// From spawning to its exit, process start included.
    var seconds: Double
    /// Its peak resident size (`VmHWM`), bytes.
    var peakRSS: UInt64
    /// It was killed for running past its timeout.
    var timedOut: Bool
}

enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// This executable, to run a stage in a child of its own.
    static let currentExecutable: String = {
        var buffer = [CChar](repeating: 0, count: 4_096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
    }()

    /// Runs `executable` with `arguments` on a thread of its own (the wait blocks), standard error
    /// shared with this process, standard output captured or written to `outputFile`; kills it
    /// after `timeout`.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    outputFile: String? = nil, timeout: Duration) async throws -> ChildRun {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, environment: environment, outputFile: outputFile, timeout: timeout)
                })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String],
                                    outputFile: String?, timeout: Duration) throws -> ChildRun {
        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        var pipeEnds: [Int32] = [-1, -1]
        var outputFD: Int32 = -1
        if let outputFile {
            outputFD = open(outputFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard outputFD >= 0 else { throw Failure(description: "cannot create \(outputFile): \(String(cString: strerror(errno)))") }
        } else {
            guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            outputFD = pipeEnds[1]
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outputFD, 1)

        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(outputFD)
        guard code == 0 else {
            if pipeEnds[0] >= 0 { close(pipeEnds[0]) }
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(code)))")
        }

        var output = Data()
        let readFD = pipeEnds[0]
        if readFD >= 0 { _ = fcntl(readFD, F_SETFL, fcntl(readFD, F_GETFL) | O_NONBLOCK) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func drain() {
            guard readFD >= 0 else { return }
            while true {
                let count = read(readFD, &buffer, buffer.count)
                guard count > 0 else { return }
                output.append(contentsOf: buffer.prefix(count))
            }
        }
        var status: Int32 = 0
        var timedOut = false
        var peak: UInt64 = 0
        let statusFile = "/proc/\(pid)/status"
        while true {
            peak = max(peak, Self.highWaterMark(statusFile))
            if readFD >= 0 {
                var poller = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, 20)
                drain()
            } else {
                usleep(5_000)
            }
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
            if !timedOut, clock.now - start > timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
        }
        let elapsed = clock.now - start
        drain()
        if readFD >= 0 { close(readFD) }
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, output: output,
                        seconds: elapsed.timeInterval,
                        peakRSS: peak, timedOut: timedOut)
    }

    /// `VmHWM` of a `/proc/.../status` file, bytes; 0 when it cannot be read (the process is gone).
    static func highWaterMark(_ statusFile: String) -> UInt64 {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (UInt64(line.filter(\.isNumber)) ?? 0) * 1_024
    }
}
