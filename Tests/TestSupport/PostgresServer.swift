import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for the destination tests: `initdb` into a temporary directory, password
/// authentication, a free loopback port. PostgreSQL refuses to run as root, so as root (CI) its programs run as
/// Debian's `postgres` user.
///
/// `with` gives each test a database of its own on one cluster the test process shares (started by the first test
/// that needs it, stopped when the process exits): an `initdb` per test cost more than any publish test itself.
/// A test that stops the server takes a cluster of its own (`withOwnCluster`).
public final class PostgresServer: Sendable {
    public let directory: URL
    public let port: Int
    public let user = "outreach"
    /// With characters a URL must encode, so the tests see it never leaks in any spelling.
    public let password = "pa55:w@rd/x"
    /// The database the URLs name.
    public let database: String
    private let bin: URL

    /// `postgres://...` for the test's database, sslmode disabled (the cluster has no certificate).
    public var url: String { url(password: password) }

    /// The URL with another password, for the refused-credentials tests.
    public func url(password: String) -> String {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        return "postgres://\(user):\(encoded)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    private init(directory: URL, port: Int, bin: URL, database: String = "postgres") {
        self.directory = directory
        self.port = port
        self.bin = bin
        self.database = database
    }

    /// Runs `body` with a new database on the shared cluster, dropped however `body` ends.
    public static func with<T>(_ body: (PostgresServer) async throws -> T) async throws -> T {
        let cluster = try await shared.value
        let name = "test_" + UUID().uuidString.prefix(8).lowercased()
        try await cluster.sql("CREATE DATABASE \(name)")
        let server = PostgresServer(directory: cluster.directory, port: cluster.port, bin: cluster.bin, database: name)
        do {
            let result = try await body(server)
            try? await cluster.sql("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await cluster.sql("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Starts a cluster of its own, runs `body` with it, and stops and removes it however `body` ends: for the
    /// tests that stop the server.
    public static func withOwnCluster<T>(_ body: (PostgresServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            await server.destroy()
            return result
        } catch {
            await server.destroy()
            throw error
        }
    }

    /// The cluster the test process shares, started once; `atexit` stops it.
    private static let shared = Task { () throws -> PostgresServer in
        let server = try await start()
        sharedAtExit = server
        atexit {
            guard let server = PostgresServer.sharedAtExit else { return }
            _ = try? server.runBlocking("pg_ctl", ["-D", server.data, "-w", "-m", "immediate", "stop"])
            try? FileManager.default.removeItem(at: server.directory)
        }
        return server
    }

    /// The shared cluster, for the exit handler (which cannot capture it).
    nonisolated(unsafe) private static var sharedAtExit: PostgresServer?

    private static func start() async throws -> PostgresServer {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }).last else {
            throw Failure("PostgreSQL is not installed (no /usr/lib/postgresql); `make test` installs Debian's postgresql")
        }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o777)
        let bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
        let cluster = PostgresServer(directory: directory, port: 0, bin: bin)
        let passwordFile = directory.appendingPathComponent("pwfile")
        try cluster.password.write(to: passwordFile, atomically: true, encoding: .utf8)
        chmod(passwordFile.path, 0o644)
        try await cluster.run("initdb", ["-D", cluster.data, "-U", cluster.user, "--pwfile=\(passwordFile.path)", "--auth=scram-sha-256",
                                   "-E", "UTF8", "--no-locale", "--no-sync"])
        // A port found free can be taken by another test's socket before the server binds it (the server then exits
        // at once): the start is tried again on another port, a few times.
        for attempt in 1... {
            let server = PostgresServer(directory: directory, port: try freePort(), bin: bin)
            do {
                try await server.startServer()
                return server
            } catch where attempt < 4 {
                continue
            } catch {
                let log = (try? String(contentsOf: directory.appendingPathComponent("log"), encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(at: directory)
                throw Failure("\(error); the server's log: \(log.suffix(2_000))")
            }
        }
        preconditionFailure("unreachable")
    }

    private var data: String { directory.appendingPathComponent("data").path }

    /// Starts the stopped server again, on the same port.
    public func startServer() async throws {
        try await run("pg_ctl", ["-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "-t", "60", "-o",
                           "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory.path) -c fsync=off -c full_page_writes=off",
                           "start"])
    }

    /// Stops the server at once, as a crash or an operator would (`pg_ctl stop -m immediate`).
    public func stopServer() async throws {
        precondition(database == "postgres", "a test stops only a cluster of its own (PostgresServer.withOwnCluster)")
        try await run("pg_ctl", ["-D", data, "-w", "-m", "immediate", "stop"])
    }

    private func destroy() async {
        try? await stopServer()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The cluster's own `psql`, not Debian's wrapper script in `/usr/bin`.
    public var psql: URL { bin.appendingPathComponent("psql") }

    /// Runs an SQL statement with psql; returns its rows, a line each, fields split by `|`.
    @discardableResult
    public func sql(_ statement: String) async throws -> [String] {
        let output = try await capture(psql, [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statement])
        return output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    private func run(_ program: String, _ arguments: [String]) async throws {
        let (executable, arguments) = invocation(program, arguments)
        _ = try await capture(executable, arguments)
    }

    private func runBlocking(_ program: String, _ arguments: [String]) throws {
        let (executable, arguments) = invocation(program, arguments)
        _ = try captureBlocking(executable, arguments)
    }

    /// The cluster's `program`, as the `postgres` user when this process is root.
    private func invocation(_ program: String, _ arguments: [String]) -> (URL, [String]) {
        let tool = bin.appendingPathComponent(program)
        guard getuid() == 0 else { return (tool, arguments) }
        return (URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--", tool.path] + arguments)
    }

    /// Runs `executable` and returns what it printed. Spawned and reaped here, not through Foundation's
    /// `Process`: the server a command starts lives on with what the command inherited, and Foundation's watch
    /// over its children then misses exits (of this command and of later ones). The wait for its exit runs on a
    /// thread of its own, so a slow `initdb` or `pg_ctl -w` never holds one of the few threads every test's tasks
    /// share.
    private func capture(_ executable: URL, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(with: Result { try captureBlocking(executable, arguments) })
            }
            thread.start()
        }
    }

    private func captureBlocking(_ executable: URL, _ arguments: [String]) throws -> String {
        let output = directory.appendingPathComponent(".out-\(UUID().uuidString)")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this process's: a server started here would otherwise hold the listening sockets of the
        // tests' sandboxes open after they stop, and a request to a stopped sandbox would wait instead of failing.
        let inherited = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for descriptor in inherited where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["PGCONNECT_TIMEOUT"] = "10"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure("\(executable.lastPathComponent): cannot start: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        chmod(output.path, 0o666)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: output)
        let exitStatus = (status >> 8) & 0xFF, signal = status & 0x7F
        guard exitStatus == 0, signal == 0 else {
            throw Failure("\(executable.lastPathComponent) \(arguments.first ?? ""): exit \(exitStatus): \(text)")
        }
        return text
    }

    private static func freePort() throws -> Int {
        let (fd, port) = try LoopbackSocket.listen()
        close(fd)
        return port
    }

    /// Why the test cluster could not do what was asked.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
