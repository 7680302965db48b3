import Foundation
import Testing
@testable import Transform

/// The shipped reply rules measured on a labelled corpus of real-looking replies in seven languages: per class
/// precision and recall, with the confusion matrix printed.
@Suite struct ReplyCorpusTests {
    struct Example {
        let label: ReplyClass
        let language: String
        let text: String
    }

    static func corpus() throws -> [Example] {
        let url = try #require(Bundle.module.url(forResource: "reply-corpus", withExtension: "tsv"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let label = ReplyClass(rawValue: String(fields[0])) else {
                throw CorpusError(line: String(line))
            }
            return Example(label: label, language: String(fields[1]), text: String(fields[2]))
        }
    }

    struct CorpusError: Error { let line: String }

    /// The thresholds of the replies issue: automatic answers and refusals must be found nearly always.
    static let thresholds: [ReplyClass: Double] = [.autoReply: 0.9, .negative: 0.9, .referral: 0.8, .positive: 0.8, .neutral: 0.8]

    @Test func theCorpusCoversEveryLanguageAndClass() throws {
        let examples = try Self.corpus()
        #expect(examples.count >= 300)
        for language in ["en", "fr", "de", "es", "pt", "it", "nl"] {
            for replyClass in ReplyClass.allCases {
                #expect(examples.filter { $0.language == language && $0.label == replyClass }.count >= 5,
                        "\(language) \(replyClass.rawValue)")
            }
        }
    }

    @Test func rulesReachTheirPrecisionAndRecall() throws {
        let examples = try Self.corpus()
        let classifier = ReplyClassifier(rules: try .bundled())
        var matrix: [ReplyClass: [ReplyClass: Int]] = [:]
        var misses: [String] = []
        for example in examples {
            let decided = classifier.classify(example.text)
            matrix[example.label, default: [:]][decided, default: 0] += 1
            if decided != example.label {
                misses.append("\(example.label.rawValue) -> \(decided.rawValue) [\(example.language)] \(example.text)")
            }
        }
        let classes = ReplyClass.allCases
        var report = "reply rules \(try ReplyPhraseRules.bundled().version) on \(examples.count) labelled replies\n"
        report += "labelled \\ decided".padding(toLength: 20, withPad: " ", startingAt: 0)
            + classes.map { $0.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\n"
        for label in classes {
            report += label.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                + classes.map { String(matrix[label]?[$0] ?? 0).padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        for replyClass in classes {
            let truePositives = Double(matrix[replyClass]?[replyClass] ?? 0)
            let decided = Double(classes.reduce(0) { $0 + (matrix[$1]?[replyClass] ?? 0) })
            let labelled = Double(matrix[replyClass]?.values.reduce(0, +) ?? 0)
            let precision = decided > 0 ? truePositives / decided : 0
            let recall = labelled > 0 ? truePositives / labelled : 0
            report += String(format: "%@: precision %.3f, recall %.3f\n", replyClass.rawValue, precision, recall)
            let threshold = Self.thresholds[replyClass] ?? 1
            #expect(precision >= threshold, "\(replyClass.rawValue) precision \(precision) < \(threshold)")
            #expect(recall >= threshold, "\(replyClass.rawValue) recall \(recall) < \(threshold)")
        }
        print(report + "misclassified:\n" + misses.joined(separator: "\n"))
    }
}
