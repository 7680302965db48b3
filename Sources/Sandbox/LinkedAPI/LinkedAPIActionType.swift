/// The workflow actions the sandbox runs (standard LinkedIn, `st.`), with their parameters.
enum LinkedAPIActionType: String, Sendable, CaseIterable {
    case checkConnectionStatus = "st.checkConnectionStatus"
    case sendConnectionRequest = "st.sendConnectionRequest"
    case sendMessage = "st.sendMessage"

    /// Parameters that must be present as non-empty strings.
    var requiredParameters: [String] {
        switch self {
        case .checkConnectionStatus, .sendConnectionRequest: ["personUrl"]
        case .sendMessage: ["personUrl", "text"]
        }
    }

    /// Parameters that may be present and then must be strings.
    var optionalParameters: [String] {
        switch self {
        case .sendConnectionRequest: ["note"]
        case .checkConnectionStatus, .sendMessage: []
        }
    }
}
