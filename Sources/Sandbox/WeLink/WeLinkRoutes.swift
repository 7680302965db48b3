/// The We-Link endpoints as functions from the request body to the answer body. Validation order:
/// `accountId` (400 when missing, 404 when unknown), then the other fields (400), then the rate
/// limit (429); only requests that pass all three are counted.
struct WeLinkRoutes: Sendable {
    let state: WeLinkState
    let accountIDs: Set<String>

    /// LinkedIn's limit on a connection note; longer notes are refused (assumption: the document
    /// states no limit, LinkedIn does).
    static let connectNoteLimit = 300
    /// `personal_message_threads` page size when `limit` is absent, and the largest accepted.
    static let defaultThreadLimit = 20
    static let maxThreadLimit = 100

    /// `send_connection_request` {accountId, profile_url, message?}.
    func sendConnectionRequest(_ input: WeLinkInput) async throws(WeLinkError) -> JSONValue {
        let account = try accountID(input)
        let profileURL = try input.string("profile_url", required: true)
        let note = try input.string("message", required: false)
        if let note, note.count > Self.connectNoteLimit {
            throw .invalid("message must be at most \(Self.connectNoteLimit) characters")
        }
        return Self.accepted(try await state.submit(accountID: account, kind: .connect(note: note), profileURL: profileURL))
    }

    /// `send_message` {accountId, profile_url, message}.
    func sendMessage(_ input: WeLinkInput) async throws(WeLinkError) -> JSONValue {
        let account = try accountID(input)
        let profileURL = try input.string("profile_url", required: true)
        let text = try input.string("message", required: true) ?? ""
        return Self.accepted(try await state.submit(accountID: account, kind: .message(text: text), profileURL: profileURL))
    }

    /// `get_connection_status` {accountId, profile_url}.
    func getConnectionStatus(_ input: WeLinkInput) async throws(WeLinkError) -> JSONValue {
        let account = try accountID(input)
        let profileURL = try input.string("profile_url", required: true)
        return Self.accepted(try await state.submit(accountID: account, kind: .connectionStatus, profileURL: profileURL))
    }

    /// `personal_message_threads` {accountId, cursor?, limit?}. The page is taken when the request
    /// finishes, not when it is submitted.
    func personalMessageThreads(_ input: WeLinkInput) async throws(WeLinkError) -> JSONValue {
        let account = try accountID(input)
        var cursor: WeLinkThreadCursor?
        if let text = try input.string("cursor", required: false) {
            guard let decoded = WeLinkThreadCursor(text) else { throw .invalid("cursor is not valid") }
            cursor = decoded
        }
        let limit = try input.integer("limit", in: 1...Self.maxThreadLimit, fallback: Self.defaultThreadLimit)
        return Self.accepted(try await state.submit(
            accountID: account, kind: .threads(after: cursor, limit: limit), profileURL: nil))
    }

    /// `get_response` {request_id}; other fields are ignored.
    func getResponse(_ input: WeLinkInput) async throws(WeLinkError) -> JSONValue {
        guard let id = try input.string("request_id", required: true) else { throw .invalid("request_id is required") }
        return try await state.response(requestID: id)
    }

    /// `accountId`, naming an account of the workspace.
    private func accountID(_ input: WeLinkInput) throws(WeLinkError) -> String {
        let id = try input.accountID()
        guard accountIDs.contains(id) else { throw .accountNotFound(id) }
        return id
    }

    /// The answer to an accepted asynchronous request (`requestID`, as the document's prose writes it).
    static func accepted(_ requestID: String) -> JSONValue {
        ["status": "PENDING", "requestID": .string(requestID), "message": "Request accepted for processing"]
    }
}
