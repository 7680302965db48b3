extension WeConnectRoutes {
    /// `POST /api/beta/login`: `{"success": {id, email, active_account, fullname, token}}`. Any
    /// failure, missing fields included, is 401 `{"error": "Unauthorised"}` (assumption: the
    /// Passport tutorial controller the document's answer comes from).
    func login(_ input: WeConnectInput) async throws(WeConnectError) -> JSONValue {
        guard case .string(let email)? = input["email"], case .string(let password)? = input["password"],
              let user = await state.authenticate(email: email, password: password)
        else { throw .loginFailed }
        let token = jwt.issue(userID: user.id, now: clock.epochSeconds(), jti: await state.nextTokenID())
        return [
            "success": [
                "id": .int(user.id),
                "email": .string(user.email),
                "active_account": .string(user.activeAccount),
                "fullname": .string(user.fullname),
                "token": .string(token),
            ],
        ]
    }
}
