import Foundation
import Testing
@testable import Transform

/// How the phrase rules match: folded words, prefixes, the order of the classes, and the rule file's version.
@Suite struct ReplyClassifierTests {
    private func classifier(_ rules: String) throws -> ReplyClassifier {
        ReplyClassifier(rules: try ReplyPhraseRules(data: Data(rules.utf8)))
    }

    private let rules = """
        # a comment
        [auto_reply]
        en: out of office
        de: nicht im büro
        [negative]
        en: not interested
        any: 👎
        [referral]
        en: contact my colleague
        [positive]
        en: interes*
        fr: intéressé
        any: 👍
        """

    @Test func theASCIIFoldingIsTheUnicodeFoldingOfEveryASCIIText() {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        var texts = [every, "  Hello,  WORLD!! 42x ", "", "#*9 -- OK\tthanks\r\n", "a", "_a_"]
        texts += (0..<128).map { "x\(Character(Unicode.Scalar(UInt8($0))))Y" }
        for text in texts {
            #expect(ReplyWords.normalisedASCII(text) == ReplyWords.normalisedUnicode(text), "\(Array(text.utf8))")
        }
        #expect(ReplyWords.normalised("Hello, WORLD") == "hello world")
        #expect(ReplyWords.normalised("Très BIEN") == "tres bien", "a text with an accent takes the Unicode path")
    }

    @Test func matchingIgnoresCaseAccentsAndPunctuation() throws {
        let classify = try classifier(rules).classify
        #expect(classify("I am OUT-OF-OFFICE until Monday.") == .autoReply)
        #expect(classify("Ich bin nicht im Buero") == .neutral) // "buero" is not "buro"
        #expect(classify("Ich bin NICHT im Büro!!") == .autoReply)
        #expect(classify("Ich bin nicht im Buro.") == .autoReply)
        #expect(classify("Très INTÉRESSÉ, merci") == .positive)
        #expect(classify("tres interesse") == .positive) // the prefix rule
        #expect(classify("Sounds interesting") == .positive)
        #expect(classify("disinterested") == .neutral) // words match whole, prefixes from the start
    }

    @Test func strongerClassesWin() throws {
        let classify = try classifier(rules).classify
        #expect(classify("Not interested.") == .negative)
        #expect(classify("Interested, but please contact my colleague Ann") == .referral)
        #expect(classify("Out of office; interested? contact my colleague") == .autoReply)
        #expect(classify("Thanks for connecting") == .neutral)
        #expect(classify("") == .neutral)
    }

    @Test func aPhraseAtTheEndMatchesWithoutPrefixRules() throws {
        let classify = try classifier("[auto_reply]\nen: out of office\n[positive]\nen: yes").classify
        #expect(classify("I am out of office") == .autoReply)
        #expect(classify("yes") == .positive)
    }

    @Test func emojiAreWordsWithoutTheirSkinTone() throws {
        let classify = try classifier(rules).classify
        #expect(classify("👍") == .positive)
        #expect(classify("👍🏽") == .positive)
        #expect(classify("great👍") == .positive)
        #expect(classify("👎🏿") == .negative)
        #expect(classify("🙂") == .neutral)
    }

    @Test func theVersionIsTheFilesContent() throws {
        let first = try ReplyPhraseRules(data: Data(rules.utf8))
        let same = try ReplyPhraseRules(data: Data(rules.utf8))
        let edited = try ReplyPhraseRules(data: Data((rules + "\nen: let s talk").utf8))
        #expect(first.version == same.version)
        #expect(first.version != edited.version)
        #expect(try ReplyPhraseRules.bundled().version.count == 16)
    }

    @Test func aMalformedRuleNamesItsLine() throws {
        #expect(throws: ReplyRulesError.self) { try ReplyPhraseRules(data: Data("en: hello".utf8)) }
        do {
            _ = try ReplyPhraseRules(data: Data("[positive]\nen: fine\nklingon: qapla".utf8))
            Issue.record("a rule of an unknown language was read")
        } catch let error as ReplyRulesError {
            #expect(error.line == 3)
            #expect(error.description.contains("klingon"))
        }
        #expect(throws: ReplyRulesError.self) { try ReplyPhraseRules(data: Data("[neutral]\nen: ok".utf8)) }
    }
}
