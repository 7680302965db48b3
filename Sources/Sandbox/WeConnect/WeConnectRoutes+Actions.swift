extension WeConnectRoutes {
    /// LinkedIn's limit on a connection note; longer notes are refused (assumption: the document
    /// states no limit, LinkedIn does).
    static let connectNoteLimit = 300

    /// `POST /api/beta/ln/send`: `{"status": "success", "request_id": "<uuid>"}`. Validation
    /// (Laravel 422): `account_id` an integer naming one of the user's accounts, `linkedin` a string,
    /// `type` one of the seven documented types, `message` required for `message`, optional (at most
    /// 300 characters) for `connect`, ignored for the others.
    func send(user: WeConnectUser, _ input: WeConnectInput) async throws(WeConnectError) -> JSONValue {
        var validator = WeConnectValidator(input)
        let accountID = validator.integer("account_id", required: true)
        let linkedin = validator.string("linkedin", required: true)
        let type = validator.oneOf("type", WeConnectActionType.allCases.map(\.rawValue), required: true)
            .flatMap(WeConnectActionType.init(rawValue:))
        var message: String?
        switch type {
        case .message:
            if input["message"] == nil {
                validator.fail("message", "The message field is required when type is message.")
            } else {
                message = validator.string("message", required: false)
            }
        case .connect:
            message = validator.string("message", required: false, maxLength: Self.connectNoteLimit)
        default:
            break
        }
        if let accountID {
            let owned = await state.accounts(ofUser: user.id)
            if !owned.contains(where: { $0.accountID == accountID }) {
                validator.fail("account_id", "The selected account id is invalid.")
            }
        }
        try validator.validate()
        guard let accountID, let linkedin, let type else {
            throw .validation([("type", "The selected type is invalid.")])
        }
        let requestID = await state.submit(
            userID: user.id, accountID: accountID, linkedin: linkedin, type: type, message: message)
        return ["status": "success", "request_id": .string(requestID)]
    }

    /// `GET` or `POST /api/beta/ln/request/{id}`: the documented body; `replied` for message actions
    /// only. The document's second example has `request_type` "connect" beside a `request_object`
    /// of type "message", an evident copy slip: the sandbox always gives the action's own type in
    /// both. Another user's id is 404 like an unknown one.
    func request(user: WeConnectUser, id: String) async throws(WeConnectError) -> JSONValue {
        guard let record = await state.action(requestID: id, userID: user.id) else { throw .requestNotFound }
        var body: [String: JSONValue] = [
            "status": "success",
            "request_id": .string(record.requestID),
            "request_type": .string(record.type.rawValue),
            "request_object": [
                "account_id": .int(record.accountID),
                "linkedin": .string(record.linkedin),
                "type": .string(record.type.rawValue),
            ],
            "request_status": .string(record.status.rawValue),
        ]
        if let replied = record.replied { body["replied"] = .bool(replied) }
        return .object(body)
    }
}
