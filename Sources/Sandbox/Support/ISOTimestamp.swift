import Chronology
import Foundation

/// The ISO 8601 timestamps the vendors' documents show: `YYYY-MM-DDTHH:MM:SS` followed by `Z` or a `+HH:MM` /
/// `-HH:MM` offset, nothing looser (a client that sends another form is refused, as the vendor would).
enum ISOTimestamp {
    /// The offset Konnector's own examples use (India Standard Time), in minutes.
    static let indiaOffsetMinutes = 330

    /// `epochSeconds` rendered as local time at `offsetMinutes` east of UTC (`Z` when 0).
    static func format(epochSeconds: Int64, offsetMinutes: Int = 0) -> String {
        ISOInstant.format(epochSeconds: epochSeconds, offsetMinutes: offsetMinutes)
    }

    /// Epoch seconds of `YYYY-MM-DDTHH:MM:SS(.fff)?(Z|±HH:MM)`; nil when malformed.
    static func parse(_ text: String) -> Int64? {
        guard let instant = ISOInstant(text), instant.separator == UInt8(ascii: "T"), instant.isRealDay else { return nil }
        switch instant.zone {
        case .utc(lowercase: false), .offset(_, colon: true): return instant.epochSeconds
        case .utc(lowercase: true), .offset(_, colon: false), nil: return nil
        }
    }
}
