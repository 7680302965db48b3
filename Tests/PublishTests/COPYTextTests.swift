import Foundation
import GRDB
@testable import Publish
import Testing

/// The text format of COPY: every value escaped so that no data can end a field, a row or the copy.
@Suite struct COPYTextTests {
    private func line(_ values: [DatabaseValue]) -> String {
        var buffer: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(0x09) }
            COPYText.append(value, to: &buffer)
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func everyValueTypeAndEverySpecialCharacter() {
        #expect(line([.null, 42.databaseValue, 0.25.databaseValue, "plain".databaseValue]) == "\\N\t42\t0.25\tplain")
        #expect(line(["a\tb\nc\rd\\e".databaseValue]) == "a\\tb\\nc\\rd\\\\e")
        #expect(line(["\\.".databaseValue]) == "\\\\.", "the end-of-data marker cannot be written by a value")
        #expect(line(["\\N".databaseValue]) == "\\\\N", "a text that reads \\N is not NULL")
        #expect(line(["nul\u{0}byte".databaseValue]) == "nul\u{FFFD}byte")
        #expect(line([Data([0x00, 0xFF, 0x5C]).databaseValue]) == "\\\\x00ff5c")
        #expect(line(["".databaseValue]) == "", "an empty text stays an empty text, not NULL")
    }
}
