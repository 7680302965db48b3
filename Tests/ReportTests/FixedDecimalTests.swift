import Foundation
import Testing
@testable import Report

@Suite struct FixedDecimalTests {
    /// Every path (fast, tie, out of range, not finite) against C's `%.Nf`, which it replaces.
    @Test func writesWhatPrintfWrites() {
        var values: [Double] = [0, -0.0, 0.05, 0.25, 0.125, 1.15, 2.675, -0.04, -1.25, 0.5, 1.5, 2.5, 99.95, 0.99996,
                                0.00005, -0.00004, 1e8, 1e12 + 0.5, 123_456_789.987, .infinity, -.infinity, .nan]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let magnitude = [1.0, 100, 1_000, 1e6][Int(state % 4)]
            values.append((unit - 0.3) * magnitude)
            // Values on the grid of the decimals, where ties live.
            values.append(Double(Int(state % 100_000)) / [2.0, 20, 200, 2_000][Int((state >> 7) % 4)])
        }
        for value in values {
            for decimals in 0...4 {
                #expect(FixedDecimal.text(value, decimals: decimals) == String(format: "%.\(decimals)f", value),
                        "\(value) with \(decimals) decimals")
            }
        }
    }
}
