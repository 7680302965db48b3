/// What a request's latest status means for its outcome, and the colours its bar segments get.
enum StatusCategory: Int, Comparable, CaseIterable {
    // Raw values order the stack: successes first, failures last.
    case success, pending, other, failed

    /// The category of a vendor status such as `Completed_Success`, `pending` or `Completed_Failed`.
    init(status: String) {
        let status = status.lowercased()
        // Linked API's `notConnected` must be read before the `connected` it contains.
        if ["fail", "error", "reject", "declin", "notconnected"].contains(where: status.contains) {
            self = .failed
        } else if ["success", "accept", "connected"].contains(where: status.contains) {
            self = .success
        } else if ["pending", "queue", "wait", "schedul"].contains(where: status.contains) {
            self = .pending
        } else {
            self = .other
        }
    }

    /// Shades for the statuses of this category, in order; dark enough for white count labels.
    var palette: [String] {
        switch self {
        case .success: ["#16a34a", "#15803d", "#166534"]
        case .pending: ["#d97706", "#6b7280", "#b45309", "#4b5563"]
        case .other: ["#2563eb", "#1e40af", "#7c3aed", "#0e7490"]
        case .failed: ["#dc2626", "#991b1b", "#be123c"]
        }
    }

    static func < (lhs: StatusCategory, rhs: StatusCategory) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
