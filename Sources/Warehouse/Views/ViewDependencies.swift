/// Which views each view reads, found in the text of their definitions, and an order in which every view comes
/// after the ones it reads.
struct ViewDependencies {
    /// Each view's name, in the order written, with the names of the other views its definition mentions.
    let reads: [(name: String, reads: Set<String>)]

    init(_ statements: [(name: String, body: String)]) {
        let names = Set(statements.map(\.name))
        reads = statements.map { statement in
            let words = Self.identifiers(in: Self.withoutComments(statement.body))
            return (statement.name, words.intersection(names).subtracting([statement.name]))
        }
    }

    /// Every view after the views it reads; views that do not depend on each other keep the order written.
    var ordered: [String] {
        let reading = Dictionary(reads.map { ($0.name, $0.reads) }, uniquingKeysWith: { first, _ in first })
        var done: [String] = []
        var placed: Set<String> = []
        func place(_ name: String, path: Set<String>) {
            guard !placed.contains(name) else { return }
            precondition(!path.contains(name), "the reporting views read each other in a cycle through \(name)")
            for read in reads.map(\.name) where reading[name]?.contains(read) == true {
                place(read, path: path.union([name]))
            }
            placed.insert(name)
            done.append(name)
        }
        for view in reads {
            place(view.name, path: [])
        }
        return done
    }

    /// `sql` without its `--` comments (the views' SQL has no string holding two dashes).
    static func withoutComments(_ sql: String) -> String {
        sql.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
    }

    /// The words of `sql` that could name a view (views are named in ASCII letters, digits and `_`).
    static func identifiers(in sql: String) -> Set<String> {
        var words: Set<String> = []
        var word: [UInt8] = []
        for byte in sql.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                word.append(byte)
            default:
                if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
