import Foundation
import Vendors
import Warehouse

/// Reads a We-Link account within its allowance of 30 requests an hour: first the results
/// delivered to the webhook receiver (free), then the outcome of the followed requests still
/// open, least recently asked first (every `get_response` costs one request), then the account's message
/// threads, paging on only while a page holds threads active since the last complete listing.
/// Whatever the allowance does not cover stays in the ledger for the next run; a spent allowance
/// ends the source's work for this run without failing it.
struct WeLinkExtractor: SourceExtractor {
    /// How often, and after how long, a request submitted in this run is asked for again.
    static let freshPolls = [1.0, 2.0, 4.0]

    func extract(_ session: FetchSession) async throws {
        let source = session.source
        let ledger = RequestLedger(warehouse: session.warehouse)
        var reader = Reader(session: session, ledger: ledger, account: source.accountIDs.first)
        try reader.syncDeliveredResults()
        do {
            let types = try ledger.actionTypes(source: source.name)
            try await reader.pollFollowed(try ledger.due(source: source.name, lookbackDays: source.lookbackDays), types: types)
            if reader.account == nil {
                session.warn("\(WeLinkAPI.messageThreads.name): skipped, the source has no account_id (the account whose threads to list)")
            } else {
                try await reader.listThreads()
            }
        } catch let error as ExtractError {
            guard case .budgetExhausted(let resume, _) = error.cause else { throw error }
            let left = try ledger.due(source: source.name, lookbackDays: source.lookbackDays).count
            session.warn("hourly allowance spent\(resume.map { " (frees up at \($0))" } ?? ""); \(left) followed requests carried to the next run")
        }
    }

    /// The work of one run.
    private struct Reader {
        let session: FetchSession
        let ledger: RequestLedger
        let account: String?

        /// Asks for the outcome of each request, in the ledger's order.
        func pollFollowed(_ ids: [String], types: [String: String]) async throws {
            for id in ids { _ = try await poll(id, threads: types[id] == "threads") }
        }

        /// Records in the ledger what the webhook receiver stored since the last run, so a request
        /// whose result was delivered is not asked for again.
        func syncDeliveredResults() throws {
            try session.readDeliveries { json in
                if let id = WeLinkAPI.requestID(in: json) { try record(id, json) }
            }
        }

        /// Records one answer or delivery of a request in the ledger.
        func record(_ id: String, _ json: JSONValue) throws {
            let status = json["status"]?.string
            let event = WeLinkAPI.event(in: json)
            let type = json.at("result", "threads") != nil ? "threads" : WeLinkAPI.actionType(event: event, status: status)
            try ledger.record(source: session.source.name, requestID: id, actionType: type, status: status,
                              replied: event == "MESSAGE_REPLY" ? true : nil)
        }

        /// Lists the threads: the first page always, further pages while they hold threads active
        /// since the last complete listing.
        mutating func listThreads() async throws {
            guard let account else { return }
            let bookmarks = Bookmarks(warehouse: session.warehouse)
            let mark = try bookmarks.value(source: session.source.name, endpoint: "threads:\(account)") ?? ""
            var cursor: String?
            var newest = mark
            repeat {
                var parameters = Parameters(["accountId": .string(account), "limit": .integer(session.source.pageSize)])
                if let cursor { parameters["cursor"] = .string(cursor) }
                let submitted = try await session.fetch(WeLinkAPI.messageThreads, parameters)
                guard let id = WeLinkAPI.requestID(in: submitted.json) else {
                    throw ExtractError(source: session.source.name, endpoint: WeLinkAPI.messageThreads.name,
                                       status: submitted.page.httpStatus, cause: .malformedBody("no request id in the answer"))
                }
                try ledger.register(source: session.source.name, requests: [TrackedRequest(id: id, subject: account)])
                try ledger.record(source: session.source.name, requestID: id, actionType: "threads", status: "PENDING", replied: nil)
                guard let result = try await pollUntilFinal(id) else { return }
                let threads = result.at("result", "threads")?.array ?? []
                await session.countRows(threads.count)
                let times = threads.compactMap { $0["last_activity_at"]?.string.flatMap(Timestamp.utc(fromVendor:)) }
                newest = max(newest, times.max() ?? "")
                cursor = result.at("result", "next_cursor")?.string
                if cursor?.isEmpty == true { cursor = nil }
                if !times.contains(where: { $0 > mark }) { cursor = nil }
            } while cursor != nil
            if newest > mark {
                try bookmarks.set(source: session.source.name, endpoint: "threads:\(account)", value: newest)
            }
        }

        /// Polls a request just submitted a few times while it runs; nil when it is still running
        /// (it stays in the ledger).
        func pollUntilFinal(_ id: String) async throws -> JSONValue? {
            if let result = try await poll(id, threads: true) { return result }
            for pause in WeLinkExtractor.freshPolls {
                try await session.pause(.seconds(pause), endpoint: WeLinkAPI.getResponse.name)
                if let result = try await poll(id, threads: true) { return result }
            }
            return nil
        }

        /// One `get_response`: landed, and the ledger updated; the answer when final.
        func poll(_ id: String, threads: Bool) async throws -> JSONValue? {
            let page: LandedPage
            do {
                var parameters = Parameters(["request_id": .string(id)])
                if let account { parameters["accountId"] = .string(account) }
                page = try await session.fetch(threads ? WeLinkAPI.getThreadsResponse : WeLinkAPI.getResponse, parameters)
            } catch let error as ExtractError where WeConnectExtractor.isItemProblem(error) {
                session.warn("get_response: \(id) skipped, it stays in the ledger: \(error.description)")
                return nil
            }
            let json = page.json
            await session.countRows(1)
            try record(id, json)
            return json["status"]?.string.map(RequestLedger.isFinal) == true ? json : nil
        }
    }
}
