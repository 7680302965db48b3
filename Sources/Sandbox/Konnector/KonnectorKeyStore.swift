/// The API keys the Konnector emulator accepts: the configured key, the administrator's key and
/// every key created through `/create-api-key`. New keys are 40 hex digits drawn from a seeded
/// generator, so a run of the sandbox hands out the same keys in the same order.
actor KonnectorKeyStore {
    enum Role: Sendable { case member, admin }

    private var roles: [String: Role]
    private var random: SeededRandom

    init(apiKey: String, adminKey: String, seed: UInt64) {
        var roles: [String: Role] = [:]
        if !apiKey.isEmpty { roles[apiKey] = .member }
        if !adminKey.isEmpty { roles[adminKey] = .admin }
        self.roles = roles
        self.random = SeededRandom(seed: seed, stream: 42)
    }

    /// The role of `key`; nil when it is not a known key.
    func role(of key: String) -> Role? {
        roles[key]
    }

    /// Creates, registers and returns a new member key.
    func create() -> String {
        while true {
            let key = random.bytes(20).map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
            if roles[key] == nil {
                roles[key] = .member
                return key
            }
        }
    }
}
