/// Ids in the order first seen, each once.
struct OrderedIDs {
    private(set) var ids: [String] = []
    private var seen: Set<String> = []

    mutating func add(_ id: String?) {
        guard let id, !id.isEmpty, seen.insert(id).inserted else { return }
        ids.append(id)
    }
}
