import Foundation
import Testing
import Warehouse

/// JSON numbers by RFC 8259's grammar exactly, and whole numbers too long for a Double kept as text.
@Suite struct JSONNumberTests {
    static let accepted: [(text: String, value: JSONValue)] = [
        ("0", .number(0)),
        ("-0", .number(-0.0)),
        ("7", .number(7)),
        ("-42", .number(-42)),
        ("1.5e-3", .number(0.0015)),
        ("-12.25E+2", .number(-1225)),
        ("1e2", .number(100)),
        ("0.5", .number(0.5)),
        ("123456789012345", .number(123_456_789_012_345)),
        ("1234567890123456", .string("1234567890123456")),
        ("12345678901234567890", .string("12345678901234567890")),
        ("-12345678901234567890", .string("-12345678901234567890")),
        ("12345678901234567890.5", .number(12_345_678_901_234_567_890.5)),
    ]

    @Test(arguments: accepted)
    func acceptsNumbersOfTheGrammar(text: String, value: JSONValue) throws {
        #expect(try JSONValue.parse(Data(text.utf8)) == value)
        #expect(try JSONValue.parse(Data("[\(text), \(text)]".utf8)) == .array([value, value]))
        #expect(try JSONValue.parse(Data("{\"n\":\(text)}".utf8)) == .object(["n": value]))
    }

    @Test func minusZeroKeepsItsSign() throws {
        let value = try JSONValue.parse(Data("-0".utf8))
        guard case .number(let number) = value else {
            Issue.record("-0 parsed as \(value)")
            return
        }
        #expect(number.sign == .minus)
    }

    /// Each refused number with the byte offset its error names.
    static let refused: [(text: String, offset: Int)] = [
        ("+1", 0), ("01", 1), ("-01", 2), ("00", 1), (".5", 0), ("1.", 2), ("1.e5", 2), ("1e", 2), ("-", 1),
        ("--1", 1), ("-a", 1), ("1e+", 3), ("1E-x", 3), ("0x10", 1), ("1x", 1), ("1.5.2", 3), ("1e5e5", 3), ("1e400", 0),
    ]

    @Test(arguments: refused)
    func refusesAnythingElseNamingTheByte(text: String, offset: Int) {
        for (document, shift) in [(text, 0), ("{\"n\": \(text)}", 6)] {
            #expect {
                try JSONValue.parse(Data(document.utf8))
            } throws: { error in
                let reason = (error as? JSONValue.ParseError)?.reason ?? ""
                return reason.hasPrefix("not valid JSON at byte \(offset + shift): ") && !reason.contains("\n")
            }
        }
    }
}
