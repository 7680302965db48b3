/// Holds the faults tests asked for and hands each out the requested number of times.
actor SandboxFaultInjector {
    private var faults: [SandboxFault] = []

    func add(_ fault: SandboxFault) {
        guard fault.remaining > 0 else { return }
        faults.append(fault)
    }

    /// The first pending fault for `path`, consuming one of its uses.
    func take(path: String) -> SandboxFault? {
        guard let index = faults.firstIndex(where: { path.hasSuffix($0.pathSuffix) }) else { return nil }
        let fault = faults[index]
        faults[index].remaining -= 1
        if faults[index].remaining <= 0 {
            faults.remove(at: index)
        }
        return fault
    }
}
