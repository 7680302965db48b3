import Foundation

/// The machine a benchmark ran on, as written into the results file.
struct Machine: Sendable {
    var cores: Int
    var cpuModel: String
    var memoryBytes: UInt64
    var swiftVersion: String
    var os: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .map { UInt64($0.filter(\.isNumber)) ?? 0 } ?? 0
        let osRelease = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let os = osRelease.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? "Linux"
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model, memoryBytes: memKB * 1024,
                       swiftVersion: Self.swiftVersion(), os: os)
    }

    /// The first line of `swift --version`, or what the compiler that built this binary was.
    private static func swiftVersion() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("Swift version") }) {
                return line.trimmingCharacters(in: .whitespaces)
            }
        } catch {}
        #if compiler(>=6.3)
        return "Swift 6.3 or later (compiler of this binary)"
        #else
        return "Swift 6 (compiler of this binary)"
        #endif
    }
}
