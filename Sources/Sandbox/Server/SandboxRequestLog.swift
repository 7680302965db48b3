/// The server's log of every request it received, in arrival order of completion.
actor SandboxRequestLog {
    private var entries: [SandboxRequest] = []

    func append(_ entry: SandboxRequest) {
        entries.append(entry)
    }

    func all() -> [SandboxRequest] {
        entries
    }
}
