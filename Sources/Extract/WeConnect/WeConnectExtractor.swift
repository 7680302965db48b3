import Foundation
import Vendors
import Warehouse

/// Reads a WeConnect account: every page of its message threads, the contents of the threads that
/// are new or changed since they were last read (the API budget is the scarce resource), and the
/// status of every request in the ledger that is not final yet.
struct WeConnectExtractor: SourceExtractor {
    func extract(_ session: FetchSession) async throws {
        guard let login = session.authenticator as? WeConnectLogin else {
            throw ExtractError(source: session.source.name, endpoint: WeConnectAPI.login.name,
                               cause: .configuration("email_env and password_env are needed"))
        }
        try await login.login(session)
        try await readThreads(session)
        try await pollLedger(session)
    }

    /// Lists every thread, then fetches those whose listing changed since their last fetch.
    private func readThreads(_ session: FetchSession) async throws {
        let source = session.source.name
        var listed: [(id: String, fingerprint: String)] = []
        try await session.pages(WeConnectAPI.messages, Parameters(["page": .integer(1)]),
                                paginator: WeConnectAPI.messagesPaginator) { page in
            await session.countRows(page.json["data"]?.array?.count ?? 0)
            for entry in page.json["data"]?.array ?? [] {
                guard let id = entry["thread"]?.string else { continue }
                // `time` ("4 days ago") changes by itself every day and is left out.
                let fingerprint = [entry["time_stamp"]?.string, entry["last_message"]?.string]
                    .map { $0 ?? "" }.joined(separator: "\u{1F}")
                listed.append((id, fingerprint))
            }
        }
        let state = ExtractState(warehouse: session.warehouse, source: source, itemKind: "thread")
        let known = try state.fingerprints()
        let nothingListed = "\u{1F}"
        for thread in listed where thread.fingerprint == nothingListed || known[thread.id] != thread.fingerprint {
            do {
                let page = try await session.fetch(WeConnectAPI.thread, Parameters(["thread": .string(thread.id)]))
                await session.countRows(page.json["messages"]?.array?.count ?? 0)
                try state.record(thread.id, fingerprint: thread.fingerprint)
            } catch let error as ExtractError where Self.isItemProblem(error) {
                // One thread the vendor will not serve does not stop the others; it is tried again next run.
                session.warn("ln/thread: \(thread.id) skipped: \(error.description)")
            }
        }
    }

    /// A 4xx about one item (not the credentials, not the rate limit): skip the item, not the source.
    static func isItemProblem(_ error: ExtractError) -> Bool {
        guard let status = error.status else { return false }
        return (400..<500).contains(status) && ![401, 403, 429].contains(status)
    }

    /// Polls the ledger's requests that are not final (and messages still waiting for a reply).
    private func pollLedger(_ session: FetchSession) async throws {
        let source = session.source
        let ledger = RequestLedger(warehouse: session.warehouse)
        for id in try ledger.due(source: source.name, lookbackDays: source.lookbackDays) {
            let page: LandedPage
            do {
                page = try await session.fetch(WeConnectAPI.request, Parameters(["request_id": .string(id)]))
            } catch let error as ExtractError where Self.isItemProblem(error) {
                session.warn("ln/request: \(id) skipped, it stays in the ledger: \(error.description)")
                continue
            }
            let json = page.json
            await session.countRows(1)
            try ledger.record(source: source.name, requestID: id,
                              actionType: json.at("request_object", "type")?.string ?? json["request_type"]?.string,
                              status: json["request_status"]?.string, replied: json["replied"]?.bool)
        }
    }
}
