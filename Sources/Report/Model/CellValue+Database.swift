import Foundation
import GRDB

extension CellValue {
    /// The value of a database cell; a blob becomes its UTF-8 text, or hex when it is not UTF-8.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .real(number)
        case let .string(string): self = .text(string)
        case let .blob(data):
            self = .text(String(data: data, encoding: .utf8) ?? data.map { String(format: "%02x", $0) }.joined())
        }
    }
}
