/// Decides the class of an inbound reply from its text with the phrase rules: an auto-reply when
/// any auto-reply phrase is in it, else the strongest class whose phrase is in it, else neutral.
public final class ReplyClassifier {
    public let rules: ReplyPhraseRules
    /// The phrases by their first word, and those whose first word is a prefix by that prefix.
    private var byFirstWord: [Substring: [ReplyPhraseRules.Phrase]] = [:]
    private var byFirstPrefix: [Substring: [ReplyPhraseRules.Phrase]] = [:]
    private let longestPrefix: Int
    /// Texts seen recently and their class: automatic answers and template replies repeat word for word.
    private var recent: [String: ReplyClass] = [:]
    private static let recentLimit = 4_096

    public init(rules: ReplyPhraseRules) {
        self.rules = rules
        var longest = 0
        for phrase in rules.phrases {
            let first = phrase.words[0]
            if first.hasSuffix("*") {
                let prefix = Substring(first.dropLast())
                byFirstPrefix[prefix, default: []].append(phrase)
                longest = max(longest, prefix.count)
            } else {
                byFirstWord[Substring(first), default: []].append(phrase)
            }
        }
        longestPrefix = longest
    }

    public func classify(_ text: String) -> ReplyClass {
        if let known = recent[text] { return known }
        let decided = decide(ReplyWords(text).words)
        if recent.count >= Self.recentLimit { recent.removeAll(keepingCapacity: true) }
        recent[text] = decided
        return decided
    }

    private func decide(_ words: [Substring]) -> ReplyClass {
        var matched = Set<ReplyClass>()
        for start in words.indices {
            let word = words[start]
            for phrase in byFirstWord[word] ?? [] where Self.matches(phrase.words, words, at: start) {
                matched.insert(phrase.replyClass)
            }
            for length in stride(from: min(word.count, longestPrefix), through: 1, by: -1) {
                for phrase in byFirstPrefix[word.prefix(length)] ?? [] where Self.matches(phrase.words, words, at: start) {
                    matched.insert(phrase.replyClass)
                }
            }
            if matched.contains(.autoReply) { return .autoReply }
        }
        return ReplyClass.genuinePrecedence.first(where: matched.contains) ?? .neutral
    }

    private static func matches(_ phrase: [String], _ words: [Substring], at start: Int) -> Bool {
        guard start + phrase.count <= words.count else { return false }
        for (offset, pattern) in phrase.enumerated() {
            let word = words[start + offset]
            if pattern.hasSuffix("*") {
                guard word.hasPrefix(pattern.dropLast()) else { return false }
            } else if word != pattern {
                return false
            }
        }
        return true
    }
}
