/// Who wrote a thread message: the `type` of a `/api/beta/ln/thread` message.
public enum WeConnectMessageDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// `"in"`: the prospect wrote it.
    case inbound = "in"
    /// `"out"`: the WeConnect user (through their LinkedIn account) wrote it.
    case outbound = "out"
}
