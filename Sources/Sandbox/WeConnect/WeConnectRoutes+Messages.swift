extension WeConnectRoutes {
    /// Threads per page when the client names none (the document's `perpage`: 10).
    static let defaultPerPage = 10
    /// Largest page size honoured (assumption).
    static let maxPerPage = 100

    /// `GET /api/beta/ln/messages`: the user's threads, newest `time_stamp` first,
    /// `{meta {page, pages, perpage, total}, data [...]}`. The document shows no parameters.
    /// Assumptions: `page` (1-based) and `perpage` select the page, as Laravel's paginator reads
    /// them: a missing or invalid `page` is 1, a missing or invalid `perpage` 10 (at most 100); a
    /// page past the end has empty `data`; `pages` is at least 1.
    func messages(user: WeConnectUser, _ input: WeConnectInput, host: String) async -> JSONValue {
        let page = Self.positiveInteger(input["page"]) ?? 1
        let perPage = min(Self.positiveInteger(input["perpage"]) ?? Self.defaultPerPage, Self.maxPerPage)
        let (start, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        let (slice, total, now) = await state.threadPage(ofUser: user.id, offset: overflow ? Int.max : start, limit: perPage)
        let pages = max(1, (total + perPage - 1) / perPage)
        let nowSeconds = Int64(now.rounded(.down))
        let data: [JSONValue] = slice.map { thread in
            let last = thread.lastMessage
            let epoch = last?.epoch ?? 0
            return [
                "img": .string(Self.imageURL(thread.profile, host: host)),
                "name": .string(thread.profile.name),
                "job": .string(thread.profile.job),
                "thread": .string(thread.id),
                "last_message": .string(last?.content ?? ""),
                "read": .bool(thread.read),
                "time": .string(WeConnectTime.relative(epoch, now: nowSeconds)),
                "time_stamp": .string(WeConnectTime.zoneless(epoch)),
                "thread_type": "linkedin",
            ]
        }
        return [
            "meta": [
                "page": .int(page),
                "pages": .int(pages),
                "perpage": .int(perPage),
                "total": .int(total),
            ],
            "data": .array(data),
        ]
    }

    /// `POST /api/beta/ln/thread` with `{"thread": id}`: `{profiles: [profile], messages: [...]}`,
    /// messages newest first as in the document's example, each `{type, name, content, time,
    /// timestamp (epoch seconds), date_time (zone-less, UTC+02:00)}`. Missing `thread` is 422; a
    /// thread the user does not have is 404 (assumption).
    func thread(user: WeConnectUser, _ input: WeConnectInput, host: String) async throws(WeConnectError) -> JSONValue {
        var validator = WeConnectValidator(input)
        let id = validator.string("thread", required: true)
        try validator.validate()
        guard let id, let found = await state.thread(id: id, userID: user.id) else {
            throw .threadNotFound
        }
        let thread = found.thread
        let nowSeconds = Int64(found.now.rounded(.down))
        let messages: [JSONValue] = thread.messages.reversed().map { message in
            [
                "type": .string(message.direction.rawValue),
                "name": .string(message.senderName),
                "content": .string(message.content),
                "time": .string(WeConnectTime.relative(message.epoch, now: nowSeconds)),
                "timestamp": .int(Int(message.epoch)),
                "date_time": .string(WeConnectTime.zoneless(message.epoch)),
            ]
        }
        return ["profiles": [Self.profileJSON(thread, host: host)], "messages": .array(messages)]
    }

    /// A whole number of at least 1 from a JSON number or a string of digits.
    static func positiveInteger(_ value: JSONValue?) -> Int? {
        let number: Int? = switch value {
        case .int(let number): number
        case .string(let text): Int(text)
        default: nil
        }
        guard let number, number >= 1 else { return nil }
        return number
    }
}
