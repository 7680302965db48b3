extension WeConnectRoutes {
    /// `POST /api/beta/ln/add`: `{"success": {account_id, account_email}}`; the account then belongs
    /// to the user. The document lists the fields but not which are required. Assumptions: `email`
    /// (an email address) and `password` are required; `timezone`, `start`, `end`, `location`
    /// are optional strings, `start` and `end` in the example's `g:i A` format (`10:00 PM`);
    /// `own_ip` an optional boolean; an email any user already added is 422 "already been taken".
    func addAccount(user: WeConnectUser, _ input: WeConnectInput) async throws(WeConnectError) -> JSONValue {
        var validator = WeConnectValidator(input)
        let email = validator.email("email", required: true)
        _ = validator.string("password", required: true)
        _ = validator.string("timezone", required: false)
        for field in ["start", "end"] {
            if let text = validator.string(field, required: false), !Self.isTwelveHourTime(text) {
                validator.fail(field, "The \(field) field must match the format g:i A.")
            }
        }
        _ = validator.boolean("own_ip", required: false)
        _ = validator.string("location", required: false)
        try validator.validate()
        guard let email else { throw .validation([("email", "The email field is required.")]) }
        let account = try await state.addAccount(userID: user.id, email: email)
        return ["success": ["account_id": .int(account.accountID), "account_email": .string(account.email)]]
    }

    /// `g:i A`: hour 1-12 without a leading zero, two-digit minutes, a space, AM or PM.
    static func isTwelveHourTime(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 2, parts[1] == "AM" || parts[1] == "PM" else { return false }
        let clock = parts[0].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, let hour = Int(clock[0]), (1...12).contains(hour), !clock[0].hasPrefix("0"),
              clock[1].count == 2, let minute = Int(clock[1]), (0...59).contains(minute) else { return false }
        return true
    }
}
