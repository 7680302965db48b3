import Foundation
import Testing
@testable import Report
@Test func zzPreview() throws {
    let out = URL(fileURLWithPath: "/tmp/report-preview")
    try? FileManager.default.removeItem(at: out)
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let model = try ReportFixture.loadModel(in: out)
    _ = try ReportWriter().write(model, formats: ReportFormat.allCases, to: out)
}
