/// `POST /account/conversations/poll`.
extension LinkedAPIRoutes {
    /// Entries per poll (assumption: the document gives no limit).
    static let maxPollEntries = 100

    /// The body is a JSON array of 1 to 100 `{"personUrl", "since"?, "type"}` with `type` `st` or `nv`
    /// and `since` ISO 8601 or null; anything else is 400 `invalidRequest`. Each entry gets the
    /// messages strictly after `since` (all when absent), oldest first, in request order. A person
    /// the sandbox does not know, or any `nv` (Sales Navigator) entry, gets an empty list
    /// (assumption: the sandbox account has no Sales Navigator conversations).
    func poll(_ request: SandboxHTTPRequest) async throws(LinkedAPIError) -> JSONValue {
        guard let json = JSONValue.decode(request.body), case .array(let entries) = json else {
            throw .invalidRequest("The body must be a JSON array of {personUrl, since, type} objects.")
        }
        guard (1...Self.maxPollEntries).contains(entries.count) else {
            throw .invalidRequest("The body must hold 1 to \(Self.maxPollEntries) entries, not \(entries.count).")
        }
        var results: [JSONValue] = []
        for (index, entry) in entries.enumerated() {
            guard case .object(let members) = entry else {
                throw .invalidRequest("Entry \(index) is not an object.")
            }
            guard case .string(let personURL)? = members["personUrl"], !personURL.isEmpty else {
                throw .invalidRequest("Entry \(index) has no personUrl.")
            }
            guard case .string(let type)? = members["type"], type == "st" || type == "nv" else {
                throw .invalidRequest("Entry \(index): type must be \"st\" or \"nv\".")
            }
            var since: Int64?
            switch members["since"] {
            case nil, .null?: since = nil
            case .string(let text)?:
                guard let parsed = ISOTimestamp.parse(text) else {
                    throw .invalidRequest("Entry \(index): since must be an ISO 8601 timestamp.")
                }
                since = parsed
            default:
                throw .invalidRequest("Entry \(index): since must be an ISO 8601 timestamp.")
            }
            var messages: [LinkedAPIMessage] = []
            if type == "st", let slug = LinkedAPIPersonURL.slug(personURL) {
                messages = await state.messages(slug: slug, since: since)
            }
            results.append([
                "personUrl": .string(personURL),
                "since": members["since"] ?? .null,
                "messages": .array(messages.map(Self.messageJSON)),
            ])
        }
        return ["success": true, "result": .array(results)]
    }

    static func messageJSON(_ message: LinkedAPIMessage) -> JSONValue {
        [
            "id": .string(message.id), "sender": .string(message.sender.rawValue), "text": .string(message.text),
            "time": .string(ISOTimestamp.format(epochSeconds: message.time)), "threadId": .string(message.threadId),
        ]
    }
}
