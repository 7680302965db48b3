/// How each stage grew from one scale to the next, beside how the data grew.
struct Growth {
    struct Row {
        var name: String
        var kind: StageFigure.Kind
        var before: StageFigure
        var after: StageFigure
        var timeGrowth: Double { after.seconds / max(before.seconds, 1e-9) }
        var memoryGrowth: Double? {
            guard let a = before.peakRSS, let b = after.peakRSS, a > 0 else { return nil }
            return Double(b) / Double(a)
        }
    }

    /// Stages under this many seconds at the larger scale are mostly process start: their growth
    /// is shown but does not count.
    static let significantSeconds = 1.0

    let from: Int
    let to: Int
    /// The data's own growth: fact rows after `transform --rebuild`.
    let data: Double
    /// Raw bytes landed, for comparison.
    let rawBytes: Double
    /// Stages measured at both scales and long enough at the larger one to count.
    let rows: [Row]
    /// Every stage measured at both scales.
    let allRows: [Row]

    init(from before: ScaleResult, to after: ScaleResult) {
        from = before.sizes.scale
        to = after.sizes.scale
        data = Double(after.sizes.factRows) / Double(max(before.sizes.factRows, 1))
        rawBytes = Double(after.sizes.rawBytes) / Double(max(before.sizes.rawBytes, 1))
        allRows = after.stages.compactMap { stage in
            before.stage(stage.name).map { Row(name: stage.name, kind: stage.kind, before: $0, after: stage) }
        }
        rows = allRows.filter { $0.after.seconds >= Self.significantSeconds }
    }
}
