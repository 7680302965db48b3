import Foundation
@testable import Sandbox
import Testing

/// The sandbox writes its bodies itself; they are the bytes `JSONEncoder` writes with sorted keys
/// and unescaped slashes, so what a client sees did not change with the writer.
@Suite struct JSONValueEncodingTests {
    private static func encoderBytes(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    @Test func everyKindOfValueIsWrittenAsJSONEncoderWritesIt() throws {
        let value: JSONValue = [
            "B": 1e20, "_x": 123456789.125, "a": 1.5e-7, "a10": 1.0, "a9": 0.1, "ä": -0.0, "v": 0.30000000000000004,
            "w": 1e15, "y": 1e16, "n": -5, "t": true, "f": false, "z": nil, "empty": [:], "none": [],
            "q": .string("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}é😀\u{2028}"),
            "nested": [["k": [1, 2.5, "x", nil]], [], [:]],
        ]
        #expect(value.encoded() == (try Self.encoderBytes(value)))
    }

    @Test func generatedDocumentsAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SystemRandomNumberGenerator()
        func value(depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .int(Int.random(in: -1_000_000_000...1_000_000_000, using: &random))
            case 3: return .double(Double.random(in: -1e6...1e6, using: &random) / 7)
            case 4: return .string(String((0..<Int.random(in: 0..<12, using: &random)).map { _ in
                Character(UnicodeScalar(UInt8.random(in: 1...0x7F, using: &random)))
            }))
            case 5: return .array((0..<Int.random(in: 0..<5, using: &random)).map { _ in value(depth: depth + 1) })
            default:
                return .object(Dictionary((0..<Int.random(in: 0..<5, using: &random)).map { index in
                    ("key\(Int.random(in: 0..<100, using: &random))-\(index)", value(depth: depth + 1))
                }, uniquingKeysWith: { first, _ in first }))
            }
        }
        for _ in 0..<200 {
            let document = value(depth: 0)
            #expect(document.encoded() == (try Self.encoderBytes(document)), "\(document)")
        }
    }
}
