/// Laravel-style validation of a `WeConnectInput`: each rule records Laravel's message for the field
/// (attribute names with underscores read as spaces) and `validate()` throws the 422 when any failed.
struct WeConnectValidator {
    let input: WeConnectInput
    private(set) var errors: [(field: String, message: String)] = []

    init(_ input: WeConnectInput) {
        self.input = input
    }

    private static func attribute(_ field: String) -> String {
        field.replacingUnderscores()
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append((field, message))
    }

    /// Records `required` when absent; otherwise nil and nothing recorded.
    private mutating func present(_ field: String, required: Bool) -> JSONValue? {
        guard let value = input[field] else {
            if required { fail(field, "The \(Self.attribute(field)) field is required.") }
            return nil
        }
        return value
    }

    /// A string (`string` rule; numbers are not strings), at most `maxLength` characters.
    mutating func string(_ field: String, required: Bool, maxLength: Int? = nil) -> String? {
        guard let value = present(field, required: required) else { return nil }
        guard case .string(let text) = value else {
            fail(field, "The \(Self.attribute(field)) field must be a string.")
            return nil
        }
        if let maxLength, text.count > maxLength {
            fail(field, "The \(Self.attribute(field)) field must not be greater than \(maxLength) characters.")
            return nil
        }
        return text
    }

    /// An integer (`integer` rule: a JSON integer or a string of digits).
    mutating func integer(_ field: String, required: Bool) -> Int? {
        guard let value = present(field, required: required) else { return nil }
        switch value {
        case .int(let number):
            return number
        case .double(let number) where number.rounded() == number && abs(number) < 1e15:
            return Int(number)
        case .string(let text):
            if let number = Int(text) { return number }
        default:
            break
        }
        fail(field, "The \(Self.attribute(field)) field must be an integer.")
        return nil
    }

    /// A boolean (`boolean` rule: true, false, 1, 0, "1", "0").
    mutating func boolean(_ field: String, required: Bool) -> Bool? {
        guard let value = present(field, required: required) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .int(1), .string("1"): return true
        case .int(0), .string("0"): return false
        default:
            fail(field, "The \(Self.attribute(field)) field must be true or false.")
            return nil
        }
    }

    /// An email address (`email` rule, loosely: one `@` with text on both sides and no spaces).
    mutating func email(_ field: String, required: Bool) -> String? {
        guard let text = string(field, required: required) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !text.contains(" ") else {
            fail(field, "The \(Self.attribute(field)) field must be a valid email address.")
            return nil
        }
        return text
    }

    /// One of `allowed` (`in` rule).
    mutating func oneOf(_ field: String, _ allowed: [String], required: Bool) -> String? {
        guard let value = present(field, required: required) else { return nil }
        guard case .string(let text) = value, allowed.contains(text) else {
            fail(field, "The selected \(Self.attribute(field)) is invalid.")
            return nil
        }
        return text
    }

    /// Throws the 422 when any rule failed.
    func validate() throws(WeConnectError) {
        if !errors.isEmpty { throw .validation(errors) }
    }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
