/// The identifiers Linked API hands out (workflow ids, result-link hashes, message and thread ids),
/// drawn from seeded generators so a run is reproducible.
enum LinkedAPIIdentifiers {
    /// A conversation thread id. The document shows none; assumption: LinkedIn's messaging thread
    /// URN form, `2-` and 32 hex digits.
    static func threadID(_ random: inout SeededRandom) -> String {
        "2-" + SandboxIdentifiers.hex(random.bytes(16))
    }
}
