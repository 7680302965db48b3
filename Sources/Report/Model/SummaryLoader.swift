import Foundation
import GRDB

/// Reads the summary views one after another on a thread of its own while the formats write, so the workbook's
/// sheets and the summaries' SQL use both cores; asking for a summary waits for that one only. The summaries are
/// read from a snapshot of the same moment as the contract views' (see `ReportModel.load`). A summary that is not
/// shown is not read at all: its table has no columns and no rows.
final class SummaryLoader: @unchecked Sendable {
    private let condition = NSCondition()
    private var tables: [String: Result<ReportTable, any Error>] = [:]
    private let known: Set<String>

    /// Reads the views of `shown`, in that order, from `reader`: on a thread of its own when `inBackground` (a
    /// failure is thrown by `check`), else before it returns, throwing a failure (a reader of one connection, which a
    /// second thread would wait for). The views of `all` not in `shown` are not read: they have no columns and no rows.
    init(_ reader: any DatabaseReader, shown: [String], all: [String], inBackground: Bool) throws {
        known = Set(all + shown)
        for name in all where !shown.contains(name) {
            tables[name] = .success(ReportTable(name: name, columns: [], rows: []))
        }
        let load: @Sendable () -> Void = { [self] in
            for name in shown {
                let table = Result { try ReportView.query(name) { try reader.read { db in try ReportView.named(name, in: db).table(in: db) } } }
                condition.withLock {
                    tables[name] = table
                    condition.broadcast()
                }
            }
        }
        guard inBackground else {
            load()
            try check(shown)
            return
        }
        let thread = Thread(block: load)
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The summary `name`, once it is read; an empty table when its reading failed (`check()` throws that failure).
    func table(_ name: String) -> ReportTable {
        let result = wait(for: name)
        return (try? result.get()) ?? ReportTable(name: name, columns: [], rows: [])
    }

    /// Waits for every summary and throws the first failure to read one.
    func check(_ names: [String]) throws {
        for name in names { _ = try wait(for: name).get() }
    }

    private func wait(for name: String) -> Result<ReportTable, any Error> {
        guard known.contains(name) else { return .failure(ReportError.query(view: name, message: "not a summary view")) }
        return condition.withLock {
            while tables[name] == nil { condition.wait() }
            return tables[name]!
        }
    }
}
