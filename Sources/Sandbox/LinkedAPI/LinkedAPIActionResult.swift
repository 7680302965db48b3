/// The result of one executed action, as it appears in a workflow's `completion`.
struct LinkedAPIActionResult: Sendable {
    let type: LinkedAPIActionType
    let label: String?
    let data: JSONValue
    /// Set when the action failed: `(type, message)`.
    let error: (type: String, message: String)?

    static func success(_ action: LinkedAPIAction, _ data: JSONValue = [:]) -> LinkedAPIActionResult {
        LinkedAPIActionResult(type: action.type, label: action.label, data: data, error: nil)
    }

    static func failure(_ action: LinkedAPIAction, _ type: String, _ message: String) -> LinkedAPIActionResult {
        LinkedAPIActionResult(type: action.type, label: action.label, data: [:], error: (type, message))
    }

    /// `{"actionType", "label"?, "success", "data", "error"?}`. Assumption: a failed action still
    /// carries `data`, an empty object.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "actionType": .string(type.rawValue), "success": .bool(error == nil), "data": data,
        ]
        if let label { members["label"] = .string(label) }
        if let error { members["error"] = ["type": .string(error.type), "message": .string(error.message)] }
        return .object(members)
    }
}
