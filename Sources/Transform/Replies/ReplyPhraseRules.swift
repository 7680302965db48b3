import Foundation
import Warehouse

/// The phrase rules that decide a reply's class, read from a rule file (`reply-phrases.txt`), and
/// the file's version: a digest of its bytes, so any edit to the rules is a new version.
public struct ReplyPhraseRules: Sendable {
    /// One phrase: the words it matches in a row; a word ending in `*` matches any word it begins.
    struct Phrase: Sendable {
        let replyClass: ReplyClass
        let language: String
        let words: [String]
    }

    /// The languages a rule may name; `any` is for emoji and words of every language.
    public static let languages: Set<String> = ["any", "en", "fr", "de", "es", "pt", "it", "nl"]

    public let version: String
    let phrases: [Phrase]

    /// The rules shipped with the product.
    public static func bundled() throws -> ReplyPhraseRules {
        try bundledRules.get()
    }

    /// The shipped file, read once per process: every transform uses it.
    private static let bundledRules = Result { () throws -> ReplyPhraseRules in
        guard let url = Bundle.module.url(forResource: "reply-phrases", withExtension: "txt") else {
            throw ReplyRulesError(line: 0, message: "the bundled reply-phrases.txt is missing from the build")
        }
        return try ReplyPhraseRules(data: Data(contentsOf: url))
    }

    /// Reads a rule file: `[class]` section lines, then `LANG: phrase` lines; `#` starts a comment line.
    public init(data: Data) throws {
        version = String(ContentHash.hex(data).prefix(16))
        var phrases: [Phrase] = []
        var current: ReplyClass?
        let text = String(decoding: data, as: UTF8.self)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }
                guard line.hasSuffix("]"), let replyClass = ReplyClass(rawValue: String(name)), replyClass != .neutral else {
                    throw ReplyRulesError(line: index + 1, message: "\(line) is not a section; use [auto_reply], [negative], [referral] or [positive]")
                }
                current = replyClass
                continue
            }
            guard let current else {
                throw ReplyRulesError(line: index + 1, message: "a rule comes before any [class] section")
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw ReplyRulesError(line: index + 1, message: "a rule is `LANG: phrase`, not \(line)")
            }
            let language = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard Self.languages.contains(language) else {
                throw ReplyRulesError(line: index + 1, message: "\(language) is not one of \(Self.languages.sorted().joined(separator: ", "))")
            }
            let phrase = String(line[line.index(after: colon)...])
            // The phrase is folded as messages are; a trailing `*` survives as the prefix mark.
            let words = phrase.split(separator: " ").flatMap { word -> [String] in
                let folded = ReplyWords(String(word)).words.map(String.init)
                guard word.hasSuffix("*"), let last = folded.last else { return folded }
                return folded.dropLast() + [last + "*"]
            }
            guard !words.isEmpty, words.allSatisfy({ $0 != "*" }) else {
                throw ReplyRulesError(line: index + 1, message: "the phrase \(phrase) has no words")
            }
            phrases.append(Phrase(replyClass: current, language: language, words: words))
        }
        self.phrases = phrases
    }
}

/// A rule file that cannot be read: the line and what is wrong with it.
public struct ReplyRulesError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "reply-phrases.txt line \(line): \(message)" }
}
