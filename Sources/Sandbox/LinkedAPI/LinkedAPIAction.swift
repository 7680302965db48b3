import Foundation

/// One action of a submitted workflow: its type, parameters, optional label and the actions to run
/// after it (`then`).
struct LinkedAPIAction: Sendable {
    let type: LinkedAPIActionType
    /// Every member of the action object except `actionType`, `label` and `then`.
    let parameters: [String: JSONValue]
    /// Echoed in the result as given; nil when absent.
    let label: String?
    let then: [LinkedAPIAction]
    /// Whether the object had `then` (the completion is then an array, even for an empty `then`).
    let hasThen: Bool

    /// Parses an action object; nil when it breaks a constraint (the workflow is then
    /// `invalidWorkflow`): not an object, unknown `actionType`, a required parameter missing or not a
    /// non-empty string, an optional one or `label` not a string, `then` neither an action object
    /// nor an array of them. Assumptions: unknown parameters are ignored; `"then": null` counts as
    /// absent; nesting deeper than 20 levels is refused.
    init?(_ json: JSONValue, depth: Int = 0) {
        guard depth < 20, case .object(var members) = json,
              case .string(let typeName) = members.removeValue(forKey: "actionType"),
              let type = LinkedAPIActionType(rawValue: typeName) else { return nil }
        var label: String?
        switch members.removeValue(forKey: "label") {
        case nil, .null?: label = nil
        case .string(let text)?: label = text
        default: return nil
        }
        var then: [LinkedAPIAction] = []
        var hasThen = true
        switch members.removeValue(forKey: "then") {
        case nil, .null?:
            hasThen = false
        case .array(let elements)?:
            for element in elements {
                guard let action = LinkedAPIAction(element, depth: depth + 1) else { return nil }
                then.append(action)
            }
        case let single?:
            guard let action = LinkedAPIAction(single, depth: depth + 1) else { return nil }
            then = [action]
        }
        for name in type.requiredParameters {
            guard case .string(let value)? = members[name],
                  !value.trimming(.whitespacesAndNewlines).isEmpty else { return nil }
        }
        for name in type.optionalParameters {
            switch members[name] {
            case nil, .null?, .string?: continue
            default: return nil
            }
        }
        self.type = type
        self.parameters = members
        self.label = label
        self.then = then
        self.hasThen = hasThen
    }

    /// The string parameter `name`, nil when absent or not a string.
    func string(_ name: String) -> String? {
        if case .string(let value)? = parameters[name] { return value }
        return nil
    }

    /// This action and then its `then` actions depth-first: the execution order.
    var flattened: [LinkedAPIAction] {
        [self] + then.flatMap(\.flattened)
    }
}
