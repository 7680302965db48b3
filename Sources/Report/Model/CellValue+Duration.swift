import Foundation

extension CellValue {
    /// Minutes as a person reads them: rounded to whole minutes, `45 min` under an hour, `3 h 20 min`
    /// under a day, then rounded to whole hours, `2 d 4 h`; a zero last part is left out (`1 h`, `2 d`).
    /// Empty when `minutes` is not finite.
    static func duration(minutes: Double) -> String {
        guard minutes.isFinite else { return "" }
        let whole = minutes.rounded()
        if whole < 0 { return "-" + duration(minutes: -whole) }
        if whole < 60 { return "\(Int(whole)) min" }
        if whole < 24 * 60 {
            let hours = Int(whole) / 60, rest = Int(whole) % 60
            return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
        }
        // Doubles, not Int, so absurdly long durations still format instead of trapping.
        let totalHours = (whole / 60).rounded()
        let days = (totalHours / 24).rounded(.down), hours = totalHours - days * 24
        let dayText = String(format: "%.0f d", days)
        return hours == 0 ? dayText : dayText + String(format: " %.0f h", hours)
    }
}
